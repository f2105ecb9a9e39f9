# Dunder methods of built-in types: slot wrappers, method-wrappers, __new__.
import gc
import sys

print(object.__init__, object.__repr__, object.__eq__, object.__hash__, object.__setattr__)
print(object.__getattribute__, object.__str__, object.__ne__)
print(str.__str__, int.__add__, list.__len__, dict.__setitem__, list.__init__ if False else list.__len__)
print(type(object.__init__).__name__, type(object.__new__).__name__, type("abc".__str__).__name__)
print(object.__init__.__name__, object.__init__.__qualname__, object.__init__.__objclass__)
print(sys.getsizeof(object.__init__), sys.getsizeof("abc".__str__), sys.getsizeof(object.__new__))
print(object.__init__ is object.__init__, object.__dict__["__init__"] is object.__init__)
print(sys.getrefcount(object.__init__), sys.getrefcount(dict.__setitem__))

s = "abc"
m = s.__str__
print(gc.is_tracked(m), gc.is_tracked(object.__init__), m.__self__ is s, m.__name__, m.__qualname__)
print(m() is s, str(s) is s, s.__str__() is s, m == s.__str__, m is s.__str__)
x = [1, 2]
before = sys.getrefcount(x)
w = x.__len__
print(sys.getrefcount(x) - before, w())
del w
print(sys.getrefcount(x) - before)

print((5).__add__(3), (5).__add__("x"), (5).__radd__(3), (5).__sub__(3), (5).__rsub__(3))
print((5).__mul__(2.0), (2.5).__add__(1), (7).__floordiv__(2), (7).__mod__(0) if False else (7).__mod__(4))
print((5).__eq__(5), (5).__eq__("5"), (5).__lt__(6), (5).__ne__(5), (5).__hash__(), (-3).__neg__(), (3).__invert__())
print("ab".__add__("cd"), "ab".__mul__(3), "ab".__rmul__(2), "ab".__len__(), "ab".__contains__("b"), "ab".__getitem__(1))
print([1, 2].__add__([3]), [1].__mul__(3), [1, 2].__contains__(2), [3, 4].__iter__().__next__())
print((1, 2).__len__(), (1, 2).__getitem__(0), {1: 2}.__len__(), {1: 2}.__contains__(1))
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), object.__lt__(1, 2))
print(list.__eq__([1], [1]), int.__lt__(1, 2.0), int.__add__(1, 2), float.__truediv__(1.0, 4))
print(hasattr([], "__len__"), hasattr(5, "__len__"), hasattr(5, "__add__"), hasattr(None, "__eq__"))
print("__len__" in list.__dict__, "__init__" in list.__dict__, "__str__" in list.__dict__, list.__dict__["__hash__"])
print(list.__hash__, dict.__hash__, set.__hash__, tuple.__hash__ is not None)

d = {}
dict.__setitem__(d, "k", 1)
print(d, d.__getitem__("k"), dict.__len__(d))
lst = []
list.__init__(lst, "xyz")
print(lst)
lst.__init__([7])
print(lst)
print(object.__new__(object).__class__.__name__)


class A:
    pass


a = A()
print(object.__repr__(a).startswith("<__main__.A object at 0x"), object.__str__(a) == repr(a))
object.__setattr__(a, "v", 10)
print(a.v, object.__getattribute__(a, "v"))
object.__delattr__(a, "v")
print(hasattr(a, "v"), object.__hash__(a) == hash(a), object.__eq__(a, a), object.__eq__(a, 1))

for f in [
    lambda: (5).__add__(),
    lambda: (5).__add__(1, 2),
    lambda: (5).__add__(x=1),
    lambda: object.__init__(),
    lambda: int.__add__("a", 1),
    lambda: object.__new__(),
    lambda: object.__new__(5),
    lambda: object.__new__(int),
    lambda: list.__len__([], 1),
    lambda: object.__eq__(1),
    lambda: dict.__setitem__({}, 1),
    lambda: object.__init__(object(), 1),
    lambda: list.__init__([], 1, 2),
    lambda: object.__setattr__(1, "x", 2),
    lambda: object.__getattribute__(1, 5),
    lambda: str.__str__(5),
    lambda: object.__hash__(),
    lambda: dict.__getitem__({}, "k"),
    lambda: list.__getitem__([], 3),
    lambda: list.__setitem__([1], 0),
    lambda: list.__init__(5),
    lambda: object.__new__(object, 1),
    lambda: list.__add__([], ()),
    lambda: list.__mul__([1], "x"),
    lambda: list.__contains__([1], 1, 2),
    lambda: str.__str__.__get__(5),
    lambda: [].__iter__().__next__(),
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
