import functools
import sys


def plain(a, b):
    """Add two numbers."""
    return a + b


plain.tag = "orig"
cached = functools.lru_cache(maxsize=16)(plain)
print(cached.__name__, cached.__qualname__, cached.__doc__, cached.__module__)
print(cached.__wrapped__ is plain, cached.tag)
print(type(cached).__name__, type(cached).__module__)
print(cached(1, 2), cached(1, 2), cached.cache_info())
print(sorted(cached.__dict__))


class Holder:
    @functools.lru_cache(maxsize=None)
    def compute(self, x):
        return x * 2

    @functools.lru_cache
    def other(self):
        return "other"


h = Holder()
print(h.compute(4), h.compute(4), Holder.compute.cache_info())
print(type(h.compute).__name__, h.compute.__self__ is h, h.compute.__func__ is Holder.compute)
print(h.compute.cache_info())
print(h.other(), Holder.other.__qualname__)
print(Holder.__dict__["compute"] is Holder.compute)

# The cache holds the key's arguments and the result.
key = "a-key-" + str(12345)
value = ["result"]


@functools.lru_cache(maxsize=8)
def lookup(k):
    return value


before_key = sys.getrefcount(key)
before_value = sys.getrefcount(value)
lookup(key)
print(sys.getrefcount(key) - before_key, sys.getrefcount(value) - before_value)
lookup.cache_clear()
print(sys.getrefcount(key) - before_key, sys.getrefcount(value) - before_value)
