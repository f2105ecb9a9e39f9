import weakref


class Thing:
    pass


t = Thing()
p = weakref.proxy(t)
del t
print("about to use the dead proxy")
print(p.anything)
