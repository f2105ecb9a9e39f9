from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, MISSING


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print(Point.__hash__, Point.__match_args__, Point.y, Point.__doc__)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)


a = Inventory("a")
b = Inventory("a")
a.items.append(1)
print(a, b, a.items is b.items, a == b)
print(Inventory("x", [1], 5, "t") == Inventory("x", [1], 9, "u"))
print([f.name for f in fields(Inventory)], [f.type for f in fields(a)])
print(fields(Inventory)[1].default is MISSING, fields(Inventory)[1].default_factory is list)
print(asdict(a), astuple(a))
print(replace(p, y=10), p)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))


@dataclass
class Line:
    start: Point
    end: Point
    tags: list = field(default_factory=list)


line = Line(Point(0, 0), Point(3, 4), [Point(1, 1)])
print(line)
print(asdict(line))
print(astuple(line))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(2, 1), Version(1, 9), Version(2, 0)]
print(sorted(vs), Version(1) < Version(1, 1), Version(3) >= Version(2, 9), max(vs))
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError:", e)


@dataclass(repr=False, eq=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), "Plain object" in repr(Plain(1)), hash(Plain(1)) != 0)


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)

    def __post_init__(self):
        self.b = self.a * 2


print(WithPost(4))
try:
    replace(WithPost(1), b=3)
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Mutable:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError:", e)
try:
    asdict(Point)
except TypeError as e:
    print("TypeError:", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)
