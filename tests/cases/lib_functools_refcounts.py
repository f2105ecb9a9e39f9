import functools
import sys

result = ["shared result"]
arg = "an argument " + str(1)


@functools.lru_cache(maxsize=4)
def one(x):
    return result


base_r, base_a = sys.getrefcount(result), sys.getrefcount(arg)
one(arg)
print("bounded, one str arg:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)
one(arg)
print("after a hit:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)
one.cache_clear()
print("cleared:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)


@functools.lru_cache(maxsize=None)
def unbounded(x, y):
    return result


unbounded(arg, 2)
print("unbounded, two args:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)
unbounded(arg, y=3)
print("with a keyword:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)
unbounded.cache_clear()
print("cleared:", sys.getrefcount(result) - base_r, sys.getrefcount(arg) - base_a)


@functools.lru_cache(maxsize=2)
def evicting(x):
    return [x]


kept = [evicting(i) for i in range(3)]
print([sys.getrefcount(k) for k in kept])

p = functools.partial(print, arg, sep=arg)
print("partial holds:", sys.getrefcount(arg) - base_a)
del p
print("released:", sys.getrefcount(arg) - base_a)


def plain():
    pass


before = sys.getrefcount(plain)
w = functools.wraps(plain)(lambda: None)
print("wrapper holds wrapped:", sys.getrefcount(plain) - before, w.__wrapped__ is plain)
