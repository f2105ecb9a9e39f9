# __format__ of classes: delegating to format() and to the built-in types'
# __format__, object.__format__'s rules, and format() / str.format / f-strings
# all calling it.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec.endswith("c"):
            return format(self.cents, spec[:-1] + "d") + "c"
        return "$" + format(self.cents / 100, spec or ".2f")


m = Money(12345)
print(format(m), format(m, ",.1f"), format(m, ">8c"), f"{m}|{m:10.3f}|{m:c}", "{:,.0f}".format(m))


class Sub(int):
    pass


class Loud(str):
    def __format__(self, spec):
        return str.__format__(self, spec).upper()


print(format(Sub(42), "05d"), f"{Sub(7):x}", format(Loud("hi"), "^6"), f"{Loud('abc'):>5}")
print(object.__format__(m, "").startswith("<__main__.Money object at 0x"), int.__format__(255, "#x"), float.__format__(2.5, "e"), str.__format__("s", "*<3"))
for bad in (lambda: object.__format__(m, "x"), lambda: int.__format__(1, 5), lambda: format(1, 2),
            lambda: "{:q}".format(m), lambda: format(m, "zz")):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)


p = Point(1, 2.5)
print(f"{p} {p!r} {p!s:>12}|", "{0} {0!r}".format(p), "%s %r" % (p, p), format(p), str(p), repr(p))
try:
    f"{p:>10}"
except TypeError as e:
    print("TypeError:", e)
