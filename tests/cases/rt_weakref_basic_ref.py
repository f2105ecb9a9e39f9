import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
print(r() is c)
del c
print(r())
print(r() is None)
