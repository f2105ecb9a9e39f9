# Subclasses of float.
import gc
import sys


class F(float):
    pass


f = F(2.5)
print(f, repr(f), type(f).__name__, sys.getsizeof(f), sys.getsizeof(2.5), gc.is_tracked(f))
print(f + 1, type(f + 1).__name__, f * 2, -f, type(-f).__name__, f / 2, f // 2, f % 2, f ** 2)
print(float(f), type(float(f)).__name__, int(f), round(f), f == 2.5, hash(f) == hash(2.5), f < 3)
print(F("1e3"), F(" -inf "), F(7), F(), F(True), F("1_000.5"))
f.unit = "m"
print(f.unit)


class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def __repr__(self):
        return "%.1f C" % self

    @property
    def fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, c.fahrenheit, [c], str(c), c + 0)
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
try:
    F("abc")
except ValueError as e:
    print("ValueError:", e)
del c, f
print(gc.collect())
