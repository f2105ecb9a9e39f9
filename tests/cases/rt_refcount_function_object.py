import sys


def f():
    pass


print(sys.getrefcount(f))
g = f
print(sys.getrefcount(f))
funcs = [f, g]
print(sys.getrefcount(f))
