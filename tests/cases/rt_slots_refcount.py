import sys


class P:
    __slots__ = ("a", "b")


v = []
p = P()
p.a = v
print(sys.getrefcount(v))
p.b = v
print(sys.getrefcount(v))
del p.a
print(sys.getrefcount(v))
del p
print(sys.getrefcount(v))
