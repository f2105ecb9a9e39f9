# Method calls: obj.m(...) runs the function the class defines, unless the
# instance's own attribute of that name wins; unpacked arguments work on
# methods of classes and of built-in types.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, greeting="hello", *rest, **options):
        return "%s %s %r %r" % (greeting, self.name, rest, sorted(options.items()))

    @staticmethod
    def static(x):
        return "static %r" % (x,)

    @classmethod
    def cls(cls, x):
        return "%s %r" % (cls.__name__, x)


g = Greeter("ann")
print(g.greet())
print(g.greet("hi", 1, 2, loud=True))
args = ("hey", 3)
kwargs = {"b": 2, "a": 1}
print(g.greet(*args))
print(g.greet(**kwargs))
print(g.greet(*args, **kwargs))
print(g.static(1), g.cls(2), g.static(*[3]), g.cls(**{"x": 4}))

g.greet = lambda *a: "instance attribute %r" % (a,)
print(g.greet(), g.greet(1, 2))
del g.greet
print(g.greet("back"))


class Callable:
    def __call__(self, x):
        return "called %r" % (x,)


g.tool = Callable()
print(g.tool(5))

items = []
items.append(*[1])
items.extend(*[[2, 3]])
d = {}
d.update(**{"k": "v"})
print(items, d, "-".join(*[["a", "b"]]))


class Base:
    def who(self):
        return "base"


class Derived(Base):
    def who(self):
        return "derived+" + super().who()


print(Derived().who(), Base.who(Derived()))


class Slotted:
    __slots__ = ("v",)

    def get(self):
        return self.v


s = Slotted()
s.v = 7
print(s.get())
try:
    g.missing()
except AttributeError as e:
    print(e)
