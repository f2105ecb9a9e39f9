import sys

for n in [0, 1, 7, 8, 15, 16, 31, 32, 100, 1000]:
    print(n, sys.getsizeof("x" * n))
print(sys.getsizeof("a" * 10 + "b" * 10))
