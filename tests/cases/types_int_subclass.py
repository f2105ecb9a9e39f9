# Subclasses of int: layout by digit count, arithmetic, __new__, overrides.
import gc
import sys


class I(int):
    pass


for v in (0, 1, -1, 2**30 - 1, 2**30, 2**60, -(2**90)):
    x = I(v)
    print(v, x, sys.getsizeof(x), sys.getsizeof(v), sys.getsizeof(x) - sys.getsizeof(v))
x = I(41)
print(gc.is_tracked(x), type(x).__name__, isinstance(x, int), x == 41, hash(x) == hash(41))
print(x + 1, type(x + 1).__name__, x * 2, -x, type(-x).__name__, x // 2, x % 5, x ** 2, x >> 1, ~x)
print(int(x), type(int(x)).__name__, int(x) is x, float(x), str(x), repr(x), "%d" % x, "{}".format(x))
print(I("ff", 16), I("  12 "), I(3.99), I(-2.5), I(True), I(), I(b"7"))
print(range(I(3))[-1], [10, 20, 30][I(1)], "abc"[I(2)], bool(I(0)), bool(I(5)))
print(sorted([I(3), 1, I(2)]), max(I(3), 4), abs(I(-3)), divmod(I(7), 2), pow(I(2), 5))
x.label = "answer"
print(x.label, x.__dict__)
try:
    import weakref
    weakref.ref(x)
except TypeError as e:
    print("TypeError:", e)
try:
    I("x")
except ValueError as e:
    print("ValueError:", e)


class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))

    def __repr__(self):
        return "Money(%d.%02d)" % divmod(int(self), 100)

    def __add__(self, other):
        return Money(int(self) + int(other))

    __radd__ = __add__


m = Money(250.4)
print(m, repr(m), m + 5, 5 + m, sum([Money(1), Money(2)]), type(m + m).__name__, m * 2, type(m * 2).__name__)


class Even(int):
    def __init__(self, value):
        if value % 2:
            raise ValueError("odd")


print(Even(4))
try:
    Even(3)
except ValueError as e:
    print("ValueError:", e)
print(sys.getrefcount(m))
