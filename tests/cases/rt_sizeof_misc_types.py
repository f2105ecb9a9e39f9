import sys

print(sys.getsizeof(slice(1, 2)), sys.getsizeof(slice(None)))
print(sys.getsizeof(property()), sys.getsizeof(staticmethod(len)), sys.getsizeof(classmethod(len)))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(reversed([])))
print(sys.getsizeof(map(len, [])), sys.getsizeof(filter(None, [])))
