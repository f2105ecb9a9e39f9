import sys

a = 2**30
b = a - 1
c = a * a
d = c // a
e = c - c
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d), sys.getsizeof(e))
print(sys.getsizeof(int("123456789012345678901234567890")))
print(sys.getsizeof(-a), sys.getsizeof(abs(-c)))
