# super() into the built-in types: __init__, __new__, __repr__, __setattr__...
class Base:
    def __init__(self, name):
        super().__init__()
        self.name = name

    def __repr__(self):
        return "Base(%s) " % self.name + super().__repr__()[:10]


b = Base("b")
print(b.name, repr(b))


class Pooled:
    count = 0

    def __new__(cls, *args):
        Pooled.count += 1
        obj = super().__new__(cls)
        obj.serial = Pooled.count
        return obj

    def __init__(self, value):
        self.value = value


p = Pooled(10)
q = Pooled(20)
print(p.serial, p.value, q.serial, q.value, type(p).__name__)


class Guarded:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("private: " + name)
        super().__setattr__(name, value)

    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "missing " + name

    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)


g = Guarded()
g.x = 1
print(g.x, g.magic, g.nothing)
try:
    g._secret = 2
except AttributeError as e:
    print("AttributeError:", e)
del g.x
print(g.x)


class Named(Exception):
    def __init__(self, message, code=0):
        super().__init__(message)
        self.code = code


try:
    raise Named("broken", code=7)
except Named as e:
    print(e, e.args, e.code, repr(e))


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if isinstance(other, Eq):
            return self.v == other.v
        return super().__eq__(other)

    def __hash__(self):
        return super().__hash__() & 0


print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq(1) == 1, hash(Eq(3)))


class NoArgs:
    pass


for f in [lambda: NoArgs(1), lambda: object.__init__(NoArgs(), 1), lambda: Base()]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class WithInit:
    def __init__(self, a):
        self.a = a


class WithNew:
    def __new__(cls, a):
        return super().__new__(cls, a)


print(WithInit(1).a)
try:
    WithNew(1)
except TypeError as e:
    print("TypeError:", e)


class MyList(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __repr__(self):
        return self.tag + super().__repr__()


print(MyList([1, 2], "L"))
