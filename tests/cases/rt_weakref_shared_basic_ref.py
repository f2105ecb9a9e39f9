import weakref


class C:
    pass


c = C()
r1 = weakref.ref(c)
r2 = weakref.ref(c)
print(r1 is r2)
r3 = weakref.ref(c, lambda r: None)
print(r3 is r1)
r4 = weakref.ref(c, lambda r: None)
print(r4 is r3)
print(weakref.getweakrefcount(c))
