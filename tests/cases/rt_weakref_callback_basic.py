import weakref


class C:
    pass


def gone(ref):
    print("callback, referent:", ref())


c = C()
r = weakref.ref(c, gone)
print("deleting")
del c
print("after delete")
