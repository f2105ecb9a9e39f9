import sys

for n in [1, 2, 10, 50, 200]:
    print(n, sys.getsizeof("\xff" * n), sys.getsizeof("\xe9" + "a" * (n - 1)))
print(sys.getsizeof("\xe9" * 0), sys.getsizeof("\xe9\xe9"[1:]))
