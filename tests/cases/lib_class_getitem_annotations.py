class Registry:
    def __class_getitem__(cls, item):
        return "%s[%r]" % (cls.__name__, item)


print(Registry[int], Registry["x"], Registry[1, 2])


class Child(Registry):
    pass


print(Child[str])


class Typed:
    count: int
    name: str = "default"
    ratio: float = 0.5
    if True:
        flag: bool = False

    def method(self):
        local: int = 5
        return local


print(Typed.__annotations__)
print(Typed.name, Typed.ratio, Typed.flag, hasattr(Typed, "count"), Typed().method())


class Plain:
    x = 1


print("__annotations__" in Plain.__dict__)


class Sub(Typed):
    extra: list


print(Sub.__annotations__)
try:
    int[3]
except TypeError as e:
    print("TypeError:", e)
try:
    Plain[0]
except TypeError as e:
    print("TypeError:", e)
