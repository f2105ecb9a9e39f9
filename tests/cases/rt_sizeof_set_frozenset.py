import sys

print(sys.getsizeof(set()), sys.getsizeof(frozenset()))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(frozenset([1, 2, 3])))
print(sys.getsizeof(set(range(10))), sys.getsizeof(frozenset(range(10))))
print(sys.getsizeof(set(range(100))), sys.getsizeof(frozenset(range(100))))
s = set(range(100))
s.clear()
print(sys.getsizeof(s))
