import sys

default = []


def f(x=default):
    return sys.getrefcount(x)


print(sys.getrefcount(default))
print(f())
print(f([]))
print(sys.getrefcount(f.__defaults__[0]))
