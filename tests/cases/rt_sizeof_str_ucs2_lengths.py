import sys

for n in [1, 2, 10, 50, 200]:
    s = "\u0100" * n
    print(n, sys.getsizeof(s), sys.getsizeof("a" * (n - 1) + "\uffff"))
