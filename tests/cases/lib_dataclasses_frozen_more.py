from dataclasses import dataclass, replace, FrozenInstanceError, field


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str = field(compare=False)


cards = {Card(3, "h"), Card(3, "s"), Card(5, "d")}
print(len(cards), sorted(cards), Card(3, "h") == Card(3, "s"))
c = Card(10, "c")
print(replace(c, rank=11), c)
try:
    c.suit = "d"
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(Card(2, "x")) == hash(Card(2, "y")))


@dataclass(frozen=True)
class Base:
    a: int


try:
    @dataclass
    class Thawed(Base):
        b: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Mutable:
    a: int


try:
    @dataclass(frozen=True)
    class Frozen(Mutable):
        b: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Derived(Base):
    b: int = 2


print(Derived(1), Derived(1, 3) == Derived(1, 3))
try:
    @dataclass(order=True, eq=False)
    class Wrong:
        x: int
except ValueError as e:
    print("ValueError:", e)


@dataclass(eq=True, frozen=False)
class Unhashable:
    x: int


print(Unhashable.__hash__)


@dataclass
class Explicit:
    x: int

    def __hash__(self):
        return 7


print(hash(Explicit(1)))
