import math

xs = [0.0, 0.5, 1.0, -1.0, 2.0, -3.7, 10.0, 1e-8, 123.456, 0.1]
for name in ["sinh", "cosh", "tanh", "asinh", "expm1", "exp2", "cbrt", "erf", "erfc", "atan", "sin", "cos", "exp"]:
    f = getattr(math, name)
    print(name, [f(x) for x in xs])
print("acosh", [math.acosh(x) for x in [1.0, 1.5, 2.0, 10.0, 1e10]])
print("atanh", [math.atanh(x) for x in [0.0, 0.5, -0.9, 0.999]])
print("log1p", [math.log1p(x) for x in [0.0, 1e-10, 0.5, 1.0, 100.0]])
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(5.5, 2), math.fmod(1, math.inf), -10 % 3)
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2))
print(math.modf(3.75), math.modf(-2.5), math.modf(5), math.modf(math.inf))
print(math.frexp(8), math.frexp(0.3), math.frexp(0), math.frexp(-5.5), math.ldexp(0.5, 4), math.ldexp(3, -2))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((1.5,), (-1.5,)))
for bad in [lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.log1p(-1), lambda: math.fmod(1, 0),
            lambda: math.fmod(math.inf, 2), lambda: math.remainder(1, 0), lambda: math.sinh(1000),
            lambda: math.ldexp(1.0, 5000), lambda: math.dist((1, 2), (1,)), lambda: math.ldexp(1, 2.0),
            lambda: math.exp2(2000)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
