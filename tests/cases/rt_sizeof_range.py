import sys

print(sys.getsizeof(range(0)), sys.getsizeof(range(10)), sys.getsizeof(range(10**30)))
print(sys.getsizeof(range(1, 100, 7)), sys.getsizeof(iter(range(5))))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter("abc")))
