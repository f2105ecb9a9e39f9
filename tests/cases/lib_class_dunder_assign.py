class Money:
    def __init__(self, cents):
        self.cents = cents


m = Money(150)
print(type(repr(m)).__name__, "Money object" in repr(m))
Money.__repr__ = lambda self: "Money(%d)" % self.cents
print(m, [Money(1), Money(2)])
Money.__eq__ = lambda self, other: isinstance(other, Money) and self.cents == other.cents
print(Money(1) == Money(1), Money(1) == Money(2), Money(1) != Money(1))
Money.__lt__ = lambda self, other: self.cents < other.cents
print(sorted([Money(3), Money(1), Money(2)]))
Money.__add__ = lambda self, other: Money(self.cents + other.cents)
print(Money(1) + Money(2))
Money.__len__ = lambda self: self.cents
print(len(Money(7)), bool(Money(0)))
Money.__hash__ = lambda self: hash(self.cents)
print(len({Money(1), Money(1), Money(2)}))


class Euro(Money):
    pass


print(Euro(5), Euro(5) == Money(5))
del Money.__repr__
print("Euro object" in repr(Euro(1)), "Money object" in repr(Money(1)))
Money.__call__ = lambda self, n: self.cents * n
print(Money(3)(4), Euro(2)(5))
Money.__getitem__ = lambda self, i: str(self.cents)[i]
print(Money(1234)[1], Euro(98)[-1])
setattr(Money, "__str__", lambda self: "%.2f" % (self.cents / 100))
print(str(Money(250)), Euro(5))
