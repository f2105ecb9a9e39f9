# Weak references to bound built-in methods: the shared callback-less ref,
# distinct refs with callbacks, their order, and callbacks at death.
import weakref
log = []
lst = [1, 2]
m = lst.append
r = weakref.ref(m)
print(r() is m, weakref.ref(m) is r)
r2 = weakref.ref(m, log.append)
r3 = weakref.ref(m, log.append)
print(r2 is r3, r2 == r3, r2() is m)
print(weakref.getweakrefcount(m))
refs = weakref.getweakrefs(m)
print(refs[0] is r, refs[1] is r3, refs[2] is r2)
print(r2.__callback__ is not None, r.__callback__)
del m
print(r(), r2(), r3())
print(len(log), log[0] is r3, log[1] is r2)
print(weakref.getweakrefcount(lst.append))
print(type(r), weakref.ref, weakref.ReferenceType)
print(r == r, r == r2)
