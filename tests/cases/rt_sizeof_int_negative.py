import sys

for n in [-1, -(2**30) + 1, -(2**30), -(2**30) - 1, -(2**60), -(10**30)]:
    print(sys.getsizeof(n), sys.getsizeof(-n))
print(sys.getsizeof(-0), sys.getsizeof(-(2**90)))
