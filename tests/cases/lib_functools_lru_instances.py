import functools
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    @functools.lru_cache(maxsize=2)
    def describe(self, suffix):
        return self.name + suffix


a = Node("a")
b = Node("b")
c = Node("c")
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(a.describe("!"), b.describe("?"), c.describe("."))
print(Node.describe.cache_info())
del a, b, c
gc.collect()
# maxsize=2: the oldest entry was evicted and its instance freed.
print(ra() is None, rb() is None, rc() is None)
Node.describe.cache_clear()
gc.collect()
print(ra() is None, rb() is None, rc() is None)
print(Node.describe.cache_info())
