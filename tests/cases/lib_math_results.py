import math

values = [0, 1, -1, 2.5, -2.5, 10**20, 1e-300]
for v in values:
    print(v, math.fabs(v), math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.sqrt(2) ** 2, math.isclose(math.sqrt(2) ** 2, 2))
print([round(math.sin(math.radians(d)), 12) for d in (0, 30, 45, 90, 180)])
print([round(math.cos(math.radians(d)), 12) for d in (0, 60, 90)])
print(math.tan(math.pi / 4), math.atan2(0, -1) == math.pi, math.degrees(math.atan2(1, 0)))
print(math.exp(math.log(10)), math.log(math.exp(2)), math.log(2 ** 1000, 2), math.log10(10 ** 50))
print(math.pow(4, 0.5), math.pow(2, -1), math.pow(-2, 3), math.pow(2.0, 3), 2 ** 0.5 == math.sqrt(2))
print(math.hypot(3.0, 4.0, 12.0), math.hypot(1e200, 1e200), math.copysign(1, -math.inf), math.copysign(math.inf, -1))
print(math.isinf(1e308 * 10), math.isnan(math.inf - math.inf), math.isfinite(10**300))
print(math.inf > 10**400, -math.inf < -10**400, math.nan == math.nan, math.pi == 3.141592653589793)
print(math.gcd(10**30, 10**25 * 3), math.lcm(2**40, 3**20), math.factorial(25) // math.factorial(23))
print(math.comb(60, 30), math.perm(10, 3), math.isqrt(99), math.isqrt(100), math.isqrt(101))
print(math.fsum([1e-16] * 10 + [1.0]), sum([1e-16] * 10 + [1.0]), math.fsum([0.3, 0.3, 0.3]))
print(math.prod(range(1, 11)) == math.factorial(10), math.prod([1.5, 2]), math.prod([], start=5))
print(math.sqrt(4.0), math.sqrt(4), type(math.sqrt(4)).__name__, type(math.gcd(4, 6)).__name__)
