import sys

print(sys.getsizeof(list()))
print(sys.getsizeof(list(range(5))), sys.getsizeof(list(range(10))))
print(sys.getsizeof(list([1, 2, 3])), sys.getsizeof(list((1, 2, 3))))
print(sys.getsizeof(list("abcdef")))
print(sys.getsizeof([1, 2, 3][:]), sys.getsizeof([1, 2, 3].copy()))
