# tee buffers what the leading copy read in linked blocks of 57 items.
import itertools as it, sys, gc
a, b = it.tee(range(200))
print(type(a).__name__, sys.getsizeof(a), gc.is_tracked(a))
print(list(it.islice(a, 3)), next(b))
print(sum(a), sum(b))
c, d, e = it.tee('abc', 3)
print(next(c), list(d), list(c), list(e))
f, g = it.tee(c)
print(list(f), list(g))
h, = it.tee(iter([1, 2]), 1); print(list(h))
src = iter(range(5))
x, y = it.tee(src)
next(src)
print(list(x), list(y))
a, b = it.tee([1, 2, 3])
a2 = a.__copy__(); print(next(a), next(a2), list(a2), list(b))
print(it.tee([], 0))
def gen():
    yield 1
    yield 2
p, q = it.tee(gen())
print(list(p), list(q))
