import sys

for n in [0, 1, 2, 3, 10, 50]:
    print(n, sys.getsizeof([0] * n), sys.getsizeof([1, 2] * n))
a = [1]
a *= 10
print(sys.getsizeof(a))
