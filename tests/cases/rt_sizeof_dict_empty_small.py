import sys

print(sys.getsizeof({}), sys.getsizeof(dict()))
print(sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}))
print(sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}))
print(sys.getsizeof({i: i for i in range(5)}))
