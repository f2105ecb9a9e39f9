import sys

values = [0.0, -0.0, 1.5, 3.141592653589793, 1e300, float("inf"), float("nan"), 2.0**-1074]
print([sys.getsizeof(v) for v in values])
print(sys.getsizeof(1 / 3), sys.getsizeof(float(10**20)))
