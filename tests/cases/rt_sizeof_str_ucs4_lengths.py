import sys

for n in [1, 2, 10, 50, 200]:
    s = "\U00010000" * n
    print(n, sys.getsizeof(s), sys.getsizeof("\u0100" * (n - 1) + "\U0010ffff"))
