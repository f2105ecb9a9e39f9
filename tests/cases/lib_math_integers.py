import math

print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(3.99))
print(math.floor(5), math.ceil(-5), math.trunc(10**30), type(math.floor(2.0)).__name__)
print(math.floor(1e20), math.ceil(-1.5e300) == int(-1.5e300))
for bad in [lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.trunc("x"),
            lambda: math.floor("x")]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(), math.gcd(7), math.gcd(12, 18, 8))
print(math.gcd(2**100, 6**50), math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(3, 4, 5), math.lcm(-4, 6))
print(math.factorial(0), math.factorial(1), math.factorial(10), math.factorial(30))
print(len(str(math.factorial(500))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 11), math.comb(52, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(5, None), math.perm(4, 5), math.perm(20, 10))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**30), math.isqrt(2**200 + 12345))
print(math.isqrt(10**100) == 10**50, math.isqrt(10**100 - 1) == 10**50 - 1)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([2, 0.5]), math.prod([3], start=2))
print(math.prod(["ab"], start=1), math.prod([[1], 2]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([math.inf, 1]), math.fsum(x / 7 for x in range(10)))
for bad in [lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.comb(-1, 2),
            lambda: math.comb(5, -2), lambda: math.perm(-3), lambda: math.isqrt(-4), lambda: math.gcd(2.0, 4),
            lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]),
            lambda: math.comb(5), lambda: math.prod(5)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
