import weakref


class C:
    pass


got = []
c = C()
r = weakref.ref(c, got.append)
del c
print(len(got), got[0] is r, got[0]() is None)
