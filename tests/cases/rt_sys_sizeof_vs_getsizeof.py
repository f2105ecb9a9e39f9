import sys

for obj in [[], [1, 2, 3], {}, (1,), "abc", 10**20, 1.5, set()]:
    print(type(obj).__name__, obj.__sizeof__(), sys.getsizeof(obj), sys.getsizeof(obj) - obj.__sizeof__())
print(sys.getsizeof(None) - None.__sizeof__())
