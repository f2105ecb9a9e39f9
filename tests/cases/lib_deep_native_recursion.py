import functools
import sys


class Countdown:
    def __call__(self, n):
        return 0 if n == 0 else 1 + self(n - 1)


class Chain:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return "Chain(%r)" % (self.inner,)


@functools.lru_cache(maxsize=None)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(Countdown()(100), depth(100), len(repr(Chain(Chain(None)))))
sys.setrecursionlimit(100000)
for label, run in [("__call__", lambda: Countdown()(50000)), ("lru_cache", lambda: depth(50000))]:
    try:
        run()
    except RecursionError:
        print(label, "RecursionError")
c = None
for _ in range(50000):
    c = Chain(c)
try:
    repr(c)
except RecursionError:
    print("__repr__ RecursionError")
sys.setrecursionlimit(1000)
print(depth(150), depth.cache_info().currsize > 100)
