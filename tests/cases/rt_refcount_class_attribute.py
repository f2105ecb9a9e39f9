import sys

shared = [1]


class A:
    attr = shared


print(sys.getrefcount(shared))


class B:
    one = shared
    two = shared


print(sys.getrefcount(shared))
del A.attr
print(sys.getrefcount(shared))
