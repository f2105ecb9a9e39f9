import weakref


class C:
    pass


c = C()
print(weakref.getweakrefcount(c))
a = weakref.ref(c)
print(weakref.getweakrefcount(c))
b = weakref.ref(c, print)
print(weakref.getweakrefcount(c))
p = weakref.proxy(c)
print(weakref.getweakrefcount(c))
del b
print(weakref.getweakrefcount(c))
print(weakref.getweakrefcount(42))
