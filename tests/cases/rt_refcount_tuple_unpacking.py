import sys

o = []
pair = (o, o)
print(sys.getrefcount(o))
p, q = pair
print(sys.getrefcount(o))
del pair
print(sys.getrefcount(o))
p = q = None
print(sys.getrefcount(o))
