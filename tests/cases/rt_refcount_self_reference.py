import sys

lst = []
print(sys.getrefcount(lst))
lst.append(lst)
print(sys.getrefcount(lst))
lst.append(lst)
print(sys.getrefcount(lst))
lst.clear()
print(sys.getrefcount(lst))
