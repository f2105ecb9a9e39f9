import sys

for n in [0, 1, 5, 6, 10, 11, 50]:
    print(n, sys.getsizeof(dict.fromkeys(range(n))), sys.getsizeof(dict.fromkeys([str(i) for i in range(n)])))
print(sys.getsizeof(dict.fromkeys("abc", 0)))
