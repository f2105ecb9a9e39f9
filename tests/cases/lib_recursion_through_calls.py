# How deep recursion goes when each level passes through a call CPython
# makes in C (lru_cache, __call__, __str__, __repr__) or inlines
# (__getitem__, property getters, generators).
import functools
import sys


def deepest(make, limit=3000):
    lo, hi = 1, limit
    while lo < hi - 1:
        mid = (lo + hi) // 2
        try:
            make(mid)
            lo = mid
        except RecursionError:
            hi = mid
    return lo


@functools.lru_cache(maxsize=None)
def cached(n):
    return 0 if n == 0 else 1 + cached(n - 1)


def run_cached(n):
    cached.cache_clear()
    return cached(n)


class Caller:
    def __call__(self, n):
        return 0 if n == 0 else 1 + self(n - 1)


class Text:
    def __init__(self, inner):
        self.inner = inner

    def __str__(self):
        return "t" + str(self.inner)


class Chain:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return "c" + repr(self.inner)


class Index:
    def __init__(self, inner):
        self.inner = inner

    def __getitem__(self, i):
        return i if self.inner is None else self.inner[i]


class Prop:
    def __init__(self, inner):
        self.inner = inner

    @property
    def depth(self):
        return 0 if self.inner is None else 1 + self.inner.depth


def nest(cls, n):
    obj = None
    for _ in range(n):
        obj = cls(obj)
    return obj


def gen(n):
    if n:
        yield from gen(n - 1)
    yield n


def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)


print("lru_cache", deepest(run_cached))
print("__call__", deepest(lambda n: Caller()(n)))
print("__str__", deepest(lambda n: str(nest(Text, n))))
print("__repr__", deepest(lambda n: repr(nest(Chain, n))))
print("__getitem__", deepest(lambda n: nest(Index, n)[0]))
print("property", deepest(lambda n: nest(Prop, n).depth))
print("generator", deepest(lambda n: sum(gen(n))))
print("plain", deepest(plain))
sys.setrecursionlimit(5000)
print("lru_cache, limit 5000", deepest(run_cached))
print("plain, limit 5000", deepest(plain, 6000))
