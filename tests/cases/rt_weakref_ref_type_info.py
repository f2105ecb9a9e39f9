import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
print(type(r).__name__, type(r) is weakref.ReferenceType)
print(isinstance(r, weakref.ref))
print(r.__callback__)
r2 = weakref.ref(c, id)
print(r2.__callback__ is id)
del r2
