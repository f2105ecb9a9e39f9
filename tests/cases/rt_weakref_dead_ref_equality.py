import weakref


class C:
    pass


a = C()
b = C()
ra = weakref.ref(a)
rb = weakref.ref(b)
print(ra == rb, ra == weakref.ref(a))
del a
print(ra == weakref.ref(b), ra == ra)
