# Calling a class: __new__, then __init__ when __new__ returned an instance.
class Singleton:
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        print("init", value)
        self.value = value


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Other())


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class OnlyNew:
    def __new__(cls, x):
        obj = super().__new__(cls)
        obj.x = x
        return obj


print(OnlyNew(5).x)


class OnlyInit:
    def __init__(self, x):
        self.x = x


print(OnlyInit(6).x)


class Neither:
    pass


for f in [
    lambda: Neither(1),
    lambda: Neither(a=1),
    lambda: OnlyInit(),
    lambda: object.__new__(Neither, 1),
    lambda: object.__new__(OnlyInit, 1).__class__.__name__,
    lambda: object.__init__(OnlyNew(1), 2),
    lambda: object.__init__(Neither(), 2),
    lambda: object.__new__(OnlyNew, 1),
    lambda: object.__init__(OnlyInit(1), 2),
    lambda: object(1),
    lambda: int.__new__(Neither),
    lambda: object.__new__(int),
    lambda: object.__new__(Neither).__class__.__name__,
    lambda: dict.__new__(dict),
    lambda: list.__new__(list, 1, 2, 3),
    lambda: tuple.__new__(tuple, [1]),
    lambda: str.__new__(str, 5),
    lambda: int.__new__(int, "12"),
    lambda: float.__new__(float),
]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)


class Sub(OnlyInit):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y


s = Sub(1, 2)
print(s.x, s.y)


class Meta:
    count = 0

    def __new__(cls, *args, **kwargs):
        cls.count += 1
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs


m = Meta(1, 2, k=3)
print(m.args, m.kwargs, Meta.count)


class D(dict):
    pass


class E(D):
    def __new__(cls):
        return super().__new__(cls)


for c in (D, E, dict):
    try:
        object.__new__(c)
    except TypeError as e:
        print("TypeError:", e)
