import sys

item = object()
print(sys.getrefcount(item))
lst = [item, item, item]
print(sys.getrefcount(item))
tup = (item, item)
print(sys.getrefcount(item))
lst.append(item)
print(sys.getrefcount(item))
lst.clear()
print(sys.getrefcount(item))
del tup
print(sys.getrefcount(item))
