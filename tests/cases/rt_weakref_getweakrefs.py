import weakref


class C:
    pass


c = C()
print(len(weakref.getweakrefs(c)))
r = weakref.ref(c)
cb = weakref.ref(c, lambda x: None)
print(len(weakref.getweakrefs(c)))
print(weakref.getweakrefs(c)[0] is r)
print(weakref.getweakrefs(1))
