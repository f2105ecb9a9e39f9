import functools


class Dataset:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        """The sum, computed once."""
        print("computing total")
        return sum(self.values)


d = Dataset([1, 2, 3])
print("total" in d.__dict__)
print(d.total, d.total)
print(d.__dict__)
d.total = 100
print(d.total)
del d.total
print(d.total)
print(type(Dataset.total).__name__, Dataset.total.__doc__, Dataset.total.attrname)
e = Dataset([10])
print(e.total, d.total)

try:
    class Twice:
        @functools.cached_property
        def a(self):
            return 1
        b = a
except TypeError as err:
    print("TypeError:", err)
    print("cause:", type(err.__cause__).__name__ if err.__cause__ else None)


class Slotted:
    __slots__ = ("x",)

    @functools.cached_property
    def value(self):
        return 1


try:
    Slotted().value
except TypeError as err:
    print("TypeError:", err)

loose = functools.cached_property(lambda self: 5)
try:
    loose.__get__(d, Dataset)
except TypeError as err:
    print("TypeError:", err)
