# Subclasses of tuple: layout, __new__, methods of the base, hashing, GC.
import gc
import sys
import weakref


class T(tuple):
    pass


t = T([1, 2, 3])
print(t, type(t).__name__, len(t), t[1], t[-1], t[1:], isinstance(t, tuple))
print(sys.getsizeof(T()), sys.getsizeof(t), sys.getsizeof((1, 2, 3)))
print(gc.is_tracked(t), gc.is_tracked(T()))
print(t + (4,), type(t + (4,)).__name__, t * 2, 2 in t, t.index(3), t.count(1))
print(hash(t) == hash((1, 2, 3)), t == (1, 2, 3), (1, 2, 3) == t, t < (1, 2, 4))
print(tuple(t), type(tuple(t)).__name__, tuple(t) is t, list(t))
t.label = "three"
print(t.label, t.__dict__)
try:
    weakref.ref(t)
except TypeError as exc:
    print("TypeError:", exc)
try:
    T(1, 2)
except TypeError as exc:
    print("TypeError:", exc)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __repr__(self):
        return "Point(x=%r, y=%r)" % (self[0], self[1])

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]


p = Point(3, 4)
print(p, p.x, p.y, str(p), len(p), sys.getsizeof(p))
x, y = p
print(x, y, p == (3, 4), {p: "origin"}[(3, 4)])
print(sys.getrefcount(p))
try:
    Point(1)
except TypeError as exc:
    print("TypeError:", exc)
try:
    tuple.__new__(list)
except TypeError as exc:
    print("TypeError:", exc)
print(tuple.__new__(T, "ab"), type(tuple.__new__(T, "ab")).__name__)

n = T([None])
cycle = T([[n]])
cycle[0].append(cycle)
del cycle
print(gc.collect())
