import weakref


class C:
    pass


holder = []


def cb(r):
    holder.append(r())


c = C()
r = weakref.ref(c, cb)
del c
print(holder)
