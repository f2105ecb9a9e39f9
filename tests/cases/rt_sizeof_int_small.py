import sys

for n in [0, 1, 2, 5, 100, 255, 256, 257, -1, -5, -6]:
    print(n, sys.getsizeof(n))
print(sys.getsizeof(int()), sys.getsizeof(int("7")))
