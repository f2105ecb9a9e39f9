import sys

inner = [1, 2, 3, 4, 5, 6, 7, 8]
outer = [inner, inner]
print(sys.getsizeof(inner), sys.getsizeof(outer))
print(sys.getsizeof([[0] * 1000]), sys.getsizeof(("x" * 1000,)))
print(sys.getsizeof({"k": "v" * 1000}))
