import sys


class C:
    def m(self):
        pass


c = C()
print(sys.getrefcount(c))
bm = c.m
print(sys.getrefcount(c))
bm2 = c.m
print(sys.getrefcount(c), bm is bm2)
del bm, bm2
print(sys.getrefcount(c))
