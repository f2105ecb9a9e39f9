import sys


class Key:
    pass


k = Key()
d = {k: 1}
print(sys.getrefcount(k))
d[k] = 2
print(sys.getrefcount(k))
e = dict(d)
print(sys.getrefcount(k))
del d[k]
print(sys.getrefcount(k))
e.pop(k)
print(sys.getrefcount(k))
