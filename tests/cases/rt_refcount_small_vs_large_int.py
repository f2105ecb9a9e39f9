import sys

n = 257 * 1000 + 1
print(sys.getrefcount(n))
m = n
print(sys.getrefcount(n))
small = 200
print(sys.getrefcount(small))
