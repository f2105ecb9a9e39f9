import sys

base = 1000
x = base * 3
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
small = base // 10
print(sys.getrefcount(small))
