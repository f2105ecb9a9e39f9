import sys
from dataclasses import dataclass, FrozenInstanceError, field, fields


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float = 0.0


c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)), c == Coord(1.5, 2.5))
try:
    c.lat = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    del c.lon
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    c.other = 1
except AttributeError as e:
    print(type(e).__name__ + ":", e)
print({c: "here"}[Coord(1.5, 2.5)])


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 5


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"), sys.getsizeof(s))
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)
print([f.name for f in fields(Slotted)], Slotted.__qualname__, Slotted(2, 3) == Slotted(2, 3))


@dataclass
class Unslotted:
    x: int
    y: int = 5


print(sys.getsizeof(Unslotted(1)), sys.getsizeof(Slotted(1)))


@dataclass(slots=True)
class Three:
    a: int
    b: str
    c: list = field(default_factory=list)


t = Three(1, "b")
print(t, sys.getsizeof(t), Three.__slots__)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2


print(Child(5), Child(5, 6, 7), [f.name for f in fields(Child)])


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3))
try:
    Options(True, 3)
except TypeError as e:
    print("TypeError:", e)


@dataclass(unsafe_hash=True)
class Tagged:
    name: str


print(hash(Tagged("a")) == hash(("a",)))


@dataclass(eq=False)
class Identity:
    v: int


i = Identity(1)
print(i == i, i == Identity(1), {i: 1}[i])
