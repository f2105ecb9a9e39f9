# Instances hold their class; subclass instances are collected like others.
import gc
import sys


class L(list):
    pass


class D(dict):
    pass


class T(tuple):
    pass


before = sys.getrefcount(L)
items = [L() for _ in range(5)]
print(sys.getrefcount(L) - before)
del items
print(sys.getrefcount(L) - before)

x = L([1, 2])
y = D(k=x)
z = T((x, y))
print(sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(z))
print(len(gc.get_referents(x)), len(gc.get_referents(y)), len(gc.get_referents(z)))
print(L in gc.get_referents(x), D in gc.get_referents(y), T in gc.get_referents(z))
x.attr = y
print(sys.getrefcount(y), any(r is y for r in gc.get_referents(x)) or "__dict__ holds it")
print(gc.is_tracked(L()), gc.is_tracked(D()), gc.is_tracked(T()), gc.is_tracked(T([1])))

# Cycles: through the base contents, through the instance __dict__, and both.
gc.collect()
a = L()
a.append(a)
b = D()
b["b"] = b
c = T([[]])
c[0].append(c)
d = L()
d.me = d
e = D()
e.link = L([e])
del a, b, c, d, e
print(gc.collect())


class WithDel(L):
    def __del__(self):
        print("__del__", len(self))


w = WithDel([1, 2, 3])
w.append(w)
del w
print(gc.collect())
v = WithDel([9])
del v
print("end")
