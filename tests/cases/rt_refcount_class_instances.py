import sys


class K:
    pass


print(sys.getrefcount(K) > 2)
before = sys.getrefcount(K)
objs = [K() for i in range(10)]
print(sys.getrefcount(K) - before)
del objs
print(sys.getrefcount(K) - before)
