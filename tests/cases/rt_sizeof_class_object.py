import sys


class A:
    pass


class B(A):
    x = 1

    def m(self):
        pass


class S:
    __slots__ = ("a", "b")


print(sys.getsizeof(A), sys.getsizeof(B), sys.getsizeof(S))
print(sys.getsizeof(int), sys.getsizeof(object), sys.getsizeof(type))
