import sys


def f():
    obj = []
    print(sys.getrefcount(obj))
    alias = obj
    print(sys.getrefcount(obj))
    del alias
    print(sys.getrefcount(obj))


f()
