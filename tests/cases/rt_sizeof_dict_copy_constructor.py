import sys

src = {i: i for i in range(10)}
print(sys.getsizeof(src), sys.getsizeof(src.copy()), sys.getsizeof(dict(src)))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2), (3, 4)])))
print(sys.getsizeof(dict(zip(range(8), range(8)))))
