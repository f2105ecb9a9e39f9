import sys


def gen(obj):
    yield 1
    yield 2


o = []
print(sys.getrefcount(o))
g = gen(o)
print(sys.getrefcount(o))
next(g)
print(sys.getrefcount(o))
for _ in g:
    pass
print(sys.getrefcount(o))
