import sys


class C:
    def m(self):
        pass


c = C()
print(sys.getsizeof(c.m), sys.getsizeof(C.m))
print(sys.getsizeof([].append), sys.getsizeof("".join))
