import sys


class M:
    pass


m = M()
s = {m}
print(sys.getrefcount(m))
s.add(m)
print(sys.getrefcount(m))
f = frozenset(s)
print(sys.getrefcount(m))
s.discard(m)
print(sys.getrefcount(m))
