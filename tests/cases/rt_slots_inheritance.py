import sys


class Base:
    __slots__ = ("a",)


class Child(Base):
    __slots__ = ("b",)


class Plain(Base):
    pass


c = Child()
c.a = 1
c.b = 2
print(c.a, c.b, sys.getsizeof(c))
p = Plain()
p.a = 1
p.other = 5
print(p.__dict__, sys.getsizeof(p))
print(sys.getsizeof(Base()))
