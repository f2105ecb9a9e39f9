import sys

class Point:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

points = [Point(i, i + 1, i + 2) for i in range(1000)]
print(sys.getsizeof(points[0]), hasattr(points[0], '__dict__'))
