from functools import singledispatch


@singledispatch
def describe(obj):
    """Describe anything."""
    return "object " + repr(obj)


@describe.register(int)
def _(n):
    return "int %d" % n


@describe.register
def _(s: str):
    return "str of length %d" % len(s)


@describe.register(list)
@describe.register(tuple)
def _(seq):
    return "sequence of %d" % len(seq)


print(describe(3), describe("abc"), describe([1, 2]), describe((1,)), describe(2.5))
print(describe(True), describe.__name__, describe.__doc__)


class Animal:
    pass


class Dog(Animal):
    pass


@describe.register(Animal)
def _(a):
    return "animal " + type(a).__name__


print(describe(Dog()), describe(Animal()))
print(describe.dispatch(bool).__name__, describe.dispatch(float) is describe.registry[object])
print(sorted(c.__name__ for c in describe.registry))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    describe.register(5)
except TypeError as e:
    print("TypeError:", e)
