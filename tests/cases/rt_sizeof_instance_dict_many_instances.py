import sys


class C:
    def __init__(self, n):
        self.n = n
        self.doubled = n * 2


objs = [C(i) for i in range(5)]
print([sys.getsizeof(o) for o in objs])
print([sys.getsizeof(o.__dict__) for o in objs])
objs[0].extra = 1
print(sys.getsizeof(objs[0].__dict__), sys.getsizeof(C(9).__dict__))
