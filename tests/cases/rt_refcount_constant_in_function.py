import sys


def f():
    x = 987654321
    return sys.getrefcount(x)


def g():
    return 987654321


print(f())
y = g()
print(sys.getrefcount(y))
