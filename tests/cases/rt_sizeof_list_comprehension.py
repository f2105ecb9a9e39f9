import sys

for n in [0, 1, 4, 5, 8, 9, 16, 17, 100]:
    print(n, sys.getsizeof([i for i in range(n)]), sys.getsizeof(list(range(n))))
print(sys.getsizeof([x * 2 for x in [1, 2, 3]]))
