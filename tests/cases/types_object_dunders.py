# object's own dunders, called directly and through super().
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    def __setattr__(self, name, value):
        raise AttributeError("Point is immutable")

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    __hash__ = object.__hash__


p = Point(1, 2)
print(p.x, p.y, p == Point(1, 2), p != Point(1, 2), p != Point(2, 2), p == 5, p != 5)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hash(p) == object.__hash__(p), object.__eq__(p, p), object.__eq__(p, Point(1, 2)))


class Counting:
    def __init__(self):
        object.__setattr__(self, "reads", 0)

    def __getattribute__(self, name):
        if name != "reads":
            object.__setattr__(self, "reads", object.__getattribute__(self, "reads") + 1)
        return object.__getattribute__(self, name)

    def hello(self):
        return "hello"


c = Counting()
c.hello()
c.hello()
print(c.reads)


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash.__hash__, NoHash() == 1, NoHash() != 1)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


x = Plain()
print(object.__repr__(x) == repr(x), object.__str__(x) == str(x), object.__eq__(x, x), object.__ne__(x, x))
print(object.__ne__(x, Plain()), object.__lt__(x, x), Plain.__eq__ is object.__eq__, Plain.__init__ is object.__init__)
print(Plain.__repr__, Plain.__hash__, type(x).__ne__)
object.__setattr__(x, "a", 1)
print(object.__getattribute__(x, "a"), x.__dict__)
object.__delattr__(x, "a")
print(x.__dict__)
try:
    object.__getattribute__(x, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    object.__delattr__(x, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
