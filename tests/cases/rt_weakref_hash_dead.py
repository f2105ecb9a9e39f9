import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
h = hash(r)
print(h == hash(c))
del c
print(hash(r) == h)
d = C()
r2 = weakref.ref(d)
del d
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)
