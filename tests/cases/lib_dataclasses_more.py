from dataclasses import dataclass, field, fields, InitVar, make_dataclass, asdict, replace
import gc


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False)
    password: InitVar[str] = "secret"

    def __post_init__(self, password):
        self.hashed = len(password)

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        return self


acct = Account("ann").deposit(10).deposit(5.5)
print(acct, acct.history, acct.hashed, Account("bo", password="abc").hashed)
print([f.name for f in fields(Account)], "password" in Account.__dataclass_fields__)
print(Account.__init__.__qualname__, Account.__doc__)


@dataclass
class Animal:
    name: str
    sound: str = "..."

    def speak(self):
        return "%s says %s" % (self.name, self.sound)


@dataclass
class Dog(Animal):
    sound: str = "woof"
    tricks: list = field(default_factory=list)


d = Dog("rex", tricks=["sit"])
print(d, d.speak(), Animal("cat") == Dog("cat"), Dog("a") == Dog("a"))
print([f.name for f in fields(Dog)], Dog.__match_args__)
Pair = make_dataclass("Pair", [("left", int), ("right", int, field(default=0))], order=True)
print(Pair(1), Pair(1, 2) < Pair(2, 0), Pair.__name__, fields(Pair)[1].default)
print(asdict(Pair(3, 4)), replace(Pair(3, 4), right=9))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
print(asdict(root))
gc.collect()
a = Node(1)
a.children.append(a)
del a
print("cycle collected:", gc.collect() > 0)


@dataclass
class WithClassVar:
    from typing import ClassVar
    registry: ClassVar[list] = []
    name: str = "x"


print([f.name for f in fields(WithClassVar)], WithClassVar.registry, WithClassVar())


@dataclass
class Defaults:
    a: int = 1
    b: str = "two"
    c: tuple = (3,)


print(Defaults(), Defaults.a, Defaults.__doc__)
