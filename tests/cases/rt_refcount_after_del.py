import sys

a = object()
b = a
c = [a]
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
del c[0]
print(sys.getrefcount(a))
c = None
print(sys.getrefcount(a))
