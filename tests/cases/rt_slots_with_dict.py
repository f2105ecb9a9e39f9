import sys


class P:
    __slots__ = ("x", "__dict__")


p = P()
p.x = 1
p.extra = 2
print(p.__dict__)
print(sys.getsizeof(p))
