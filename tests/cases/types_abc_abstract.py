# abc.ABC and abstractmethod: abstract classes refuse instances.
from abc import ABC, abstractmethod
import sys


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 0


s = Square(3)
print(s.area(), s.perimeter(), s.describe(), isinstance(s, Shape), isinstance(s, ABC))
print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__, sorted(Half.__abstractmethods__))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Shape.area.__isabstractmethod__, sys.getsizeof(s), ABC.__abstractmethods__)
Half.perimeter = lambda self: 1
Half.__abstractmethods__ = frozenset()
print(Half().perimeter())
