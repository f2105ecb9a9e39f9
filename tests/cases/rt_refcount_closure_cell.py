import sys


def make():
    obj = []

    def inner():
        return obj

    print(sys.getrefcount(obj))
    return inner


fn = make()
captured = fn()
print(sys.getrefcount(captured))
del fn
print(sys.getrefcount(captured))
