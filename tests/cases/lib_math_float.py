import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(10**20), math.sqrt(0.25))
print(math.exp(1), math.exp(0), math.exp(-1000))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1024, 2))
print(math.log2(8), math.log2(10), math.log10(1000), math.log10(2))
print(math.log(10**400), math.log10(10**400), math.log2(2**2000))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan(1), math.asin(1), math.acos(1))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.hypot(-5))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.inf))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(3))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-2), lambda: math.log10(0),
            lambda: math.pow(0, -1), lambda: math.pow(-8, 1 / 3), lambda: math.exp(1000),
            lambda: math.pow(10, 400), lambda: math.asin(2), lambda: math.sin(math.inf),
            lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.log(1, 1), lambda: math.log2(-1),
            lambda: math.sqrt("4"), lambda: math.sqrt(10**400), lambda: math.sqrt()]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
print(math.sqrt(True), math.exp(False))
print(type(math.sqrt).__name__, math.sqrt.__name__, math.__name__)
