import functools
import sys


@functools.lru_cache(maxsize=8)
def f(x):
    return x


f(1), f(1), f(2)
info = f.cache_info()
print(info, type(info).__name__, isinstance(info, tuple), len(info))
print(info == (1, 2, 8, 2), info[0], info[-1], info[1:3], tuple(info))
hits, misses, maxsize, currsize = info
print(hits, misses, maxsize, currsize, info.hits + info.misses)
print(info._fields, info._asdict())
print(sys.getsizeof(info), hash(info) == hash((1, 2, 8, 2)))
print(functools.lru_cache(maxsize=None)(len).cache_info())
try:
    info.hits = 5
except AttributeError as e:
    print("AttributeError")
