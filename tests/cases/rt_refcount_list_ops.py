import sys

o = object()
a = [o]
print(sys.getrefcount(o))
b = a * 3
print(sys.getrefcount(o))
c = a + b
print(sys.getrefcount(o))
d = c[1:3]
print(sys.getrefcount(o))
del b, c, d
print(sys.getrefcount(o))
popped = a.pop()
print(sys.getrefcount(o))
