import sys


class Empty:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(sys.getsizeof(Empty()), sys.getsizeof(Point(1, 2)), sys.getsizeof(object()))
