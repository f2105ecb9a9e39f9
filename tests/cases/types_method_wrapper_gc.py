# Method-wrappers are GC-tracked objects holding their self.
import gc
import sys

x = [1, 2, 3]
base = sys.getrefcount(x)
m = x.__len__
print(type(m).__name__, sys.getrefcount(x) - base, sys.getsizeof(m), gc.is_tracked(m), m())
print(m.__self__ is x, m.__name__, m.__objclass__ if hasattr(m, "__objclass__") else "-")
n = x.__len__
print(m == n, m is n, hash(m) == hash(n), m == x.__iter__, sys.getrefcount(x) - base)
del m, n
print(sys.getrefcount(x) - base)

# A cycle through a method-wrapper: the list holds the wrapper, which holds the list.
y = []
y.append(y.__len__)
print(y[0](), gc.is_tracked(y[0]))
del y
print(gc.collect())


class Holder:
    pass


h = Holder()
h.size = h.__sizeof__
h.eq = h.__eq__
h.init = h.__init__
print(type(h.eq).__name__, type(h.init).__name__, h.eq(h), h.eq(1))
del h
print(gc.collect())

w = object.__init__
print(sys.getrefcount(w), type(w).__name__, gc.is_tracked(w))
s = "text"
print(s.__len__(), s.__str__() is s, s.__repr__(), type(s.__hash__).__name__)
print((3).__add__.__self__, (3).__add__(4), (3.0).__mul__(2), (1).__eq__.__name__)
print(gc.get_referents(x.__len__)[-1] is x if False else len(gc.get_referents(x.__len__)))
