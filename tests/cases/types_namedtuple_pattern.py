# A namedtuple-like tuple subclass written by hand, with empty __slots__.
import gc
import sys


class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @classmethod
    def _make(cls, iterable):
        return tuple.__new__(cls, iterable)

    def _replace(self, **kwargs):
        return self._make(kwargs.get(f, v) for f, v in zip(self._fields, self))

    def __repr__(self):
        return "Point(x=%r, y=%r)" % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    x = property(lambda self: self[0])
    y = property(lambda self: self[1])


p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), hash(p) == hash((1, 2)))
print(p._replace(y=5), p._asdict(), Point._make([3, 4]), type(Point._make([3, 4])).__name__)
print(sys.getsizeof(p), sys.getsizeof((1, 2)), gc.is_tracked(p), hasattr(p, "__dict__"))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError:", e)
x, y = p
print(x + y, sorted([Point(2, 1), Point(1, 2)]), max(Point(1, 9)))
print({p: "here"}[(1, 2)], p + (3,), p * 2, p[::-1], type(p[:]).__name__)
print(sys.getrefcount(Point))


class Point3(Point):
    __slots__ = ()
    _fields = ("x", "y", "z")

    def __new__(cls, x, y, z):
        return tuple.__new__(cls, (x, y, z))

    def __repr__(self):
        return "Point3" + tuple.__repr__(self)


q = Point3(1, 2, 3)
print(q, q.x, isinstance(q, Point), Point3.__mro__[1].__name__, sys.getsizeof(q))
