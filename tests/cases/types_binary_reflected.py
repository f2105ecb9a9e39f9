# Operators between built-ins and their subclasses: the subclass's
# reflected method goes first when it overrides it.
class Meters(float):
    def __add__(self, other):
        return Meters(float(self) + float(other))

    def __radd__(self, other):
        print("radd", other)
        return Meters(float(other) + float(self))

    def __repr__(self):
        return "%gm" % self


print(1.5 + Meters(2), Meters(2) + 1.5, 1 + Meters(1), sum([Meters(1), Meters(2)]))


class Vec(tuple):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))

    def __mul__(self, k):
        return Vec(a * k for a in self)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-a for a in self)


v = Vec((1, 2))
print(v + (3, 4), (3, 4) + v, 2 * v, v * 3, -v, type(-v).__name__)


class Mask(int):
    def __and__(self, other):
        return Mask(int(self) & int(other))

    def __rand__(self, other):
        print("rand")
        return Mask(int(other) & int(self))

    def __repr__(self):
        return "Mask(%s)" % bin(self)


print(Mask(6) & 3, 3 & Mask(6), Mask(6) | 1, type(Mask(6) | 1).__name__)


class Bag(list):
    def __iadd__(self, other):
        print("iadd")
        self.extend(other)
        return self


b = Bag()
b += [1]
c = b
c += (2,)
print(b, c is b)


class Cmp(int):
    def __lt__(self, other):
        print("Cmp.lt")
        return int(self) < int(other)

    def __gt__(self, other):
        print("Cmp.gt")
        return int(self) > int(other)


print(Cmp(1) < 2, 2 < Cmp(1), 1 > Cmp(0), sorted([Cmp(2), Cmp(1)]))
print((5).__add__(Cmp(1)), int.__add__(Cmp(1), 2), (5).__radd__(Meters(1)))
