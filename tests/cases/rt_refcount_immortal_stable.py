import sys

before = sys.getrefcount(None)
many = [None] * 1000
print(sys.getrefcount(None) == before, before)
t = tuple(True for i in range(100))
print(sys.getrefcount(True))
x = 5
xs = [x] * 50
print(sys.getrefcount(5))
