import sys


class Weird:
    def __sizeof__(self):
        raise TypeError("no size")


print(sys.getsizeof(1, -1), sys.getsizeof([], -1))
print(sys.getsizeof(Weird(), "fallback"))
