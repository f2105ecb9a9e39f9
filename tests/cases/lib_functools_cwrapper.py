import functools
import gc
import sys


@functools.lru_cache(maxsize=2)
def inv(x):
    return 1 / x


print(type(inv).__name__, type(inv).__module__, type(inv).__qualname__)
print("_lru_cache_wrapper object" in repr(inv), callable(inv), inv.__wrapped__.__name__)
print(gc.is_tracked(inv), sys.getsizeof(inv) > 0)
print(inv(2), inv(4), inv(2), inv(8), inv.cache_info())
inv.extra = "attr"
print(inv.extra, "extra" in inv.__dict__)
inv.cache_parameters = "shadowed"
print(inv.cache_parameters)
try:
    del inv.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    inv(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(inv.cache_info())
try:
    functools._lru_cache_wrapper(5, 1, False, None)
except TypeError as e:
    print("TypeError:", e)


@functools.lru_cache
def ident(x):
    return x


print(ident(1) == 1, ident("s"), ident((1, 2)), ident.cache_info())
loop = ident
cycle = []
cycle.append(cycle)
ident(3.5)
print(sys.getrefcount(ident) >= 2)


class Node:
    @functools.lru_cache(maxsize=None)
    def me(self):
        return self


n = Node()
print(n.me() is n)
del n
print("collected:", gc.collect() >= 0, Node.me.cache_info().currsize)
Node.me.cache_clear()
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(max, [3, 9, 2], 0))
