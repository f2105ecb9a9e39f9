import sys, gc
v = sys.version_info
print(sys.getsizeof(v), type(v), gc.is_tracked(v), v, v[:2], v.major, v.releaselevel, len(v), v >= (3, 8), isinstance(v, tuple))
print(type(v).__name__, sys.version.split()[0], hash(v) == hash(tuple(v)), v == (3, 12, 1, "final", 0))
try:
    type(v)()
except TypeError as e:
    print(e)
a, b, *_ = v
print(a, b, sys.version_info < (3, 13))
