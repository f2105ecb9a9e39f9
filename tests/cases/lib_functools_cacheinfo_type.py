import functools
@functools.lru_cache
def f(x): return x
f(1)
i = f.cache_info()
print(type(i), type(i).__module__, type(type(i).hits).__name__, i._replace(hits=5), i._asdict())
print(functools._CacheInfo is type(i))
