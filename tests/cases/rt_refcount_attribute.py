import sys


class Holder:
    pass


value = []
h = Holder()
h.a = value
print(sys.getrefcount(value))
h.b = value
print(sys.getrefcount(value))
del h.a
print(sys.getrefcount(value))
h.b = None
print(sys.getrefcount(value))
