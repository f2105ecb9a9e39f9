import sys


class P:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


p = P()
q = P()
print(sys.getsizeof(p.__dict__), sys.getsizeof(q.__dict__))
q.d = 4
print(sys.getsizeof(p.__dict__), sys.getsizeof(q.__dict__))
r = P()
print(sys.getsizeof(r.__dict__))
print(sys.getsizeof({"a": 1, "b": 2, "c": 3}))
