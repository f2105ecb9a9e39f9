# __format__: a class's own, and the methods of object, int, float and str.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return format(self.cents / 100, spec or ".2f")


m = Money(12345)
print(format(m), format(m, "short"), "{:short} / {:>10.1f} / {}".format(m, m, m))


class Plain:
    pass


p = Plain()
print(format(p) == str(p), p.__format__("") == str(p))
for f in [lambda: format(p, "x"), lambda: p.__format__(5), lambda: object.__format__(p, "d")]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class Bad:
    def __format__(self, spec):
        return 5


try:
    format(Bad())
except TypeError as e:
    print("TypeError:", e)
print((5).__format__("03d"), (2.5).__format__(".3f"), "ab".__format__(">4"), int.__format__(7, "x"))


class Hex(int):
    def __format__(self, spec):
        return "0x" + super().__format__(spec or "x")


print(format(Hex(255)), "{:04x}".format(Hex(10)), "%d" % Hex(3), str(Hex(3)))
print(object.__format__, type(int.__format__).__name__)
