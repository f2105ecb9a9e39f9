import sys


class C:
    pass


c = C()
print(sys.getrefcount(c))
d = c.__dict__
print(sys.getrefcount(d))
c.x = 1
print(sys.getrefcount(d))
del c
print(sys.getrefcount(d), d)
