# Mixins with built-in bases: the layout comes from the widest base.
import sys


class ReprMixin:
    def describe(self):
        return "%s with %d items" % (type(self).__name__, len(self))


class AttrDict(ReprMixin, dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.created = True


a = AttrDict(x=1, y=2)
print(a, a.describe(), a.created, AttrDict.__base__.__name__, [k.__name__ for k in AttrDict.__mro__])
print(sys.getsizeof(AttrDict()), isinstance(a, dict), isinstance(a, ReprMixin))


class Sized(ReprMixin, list):
    pass


print(Sized([1, 2]).describe(), Sized.__base__.__name__)


class Base(dict):
    def __setitem__(self, key, value):
        print("Base.__setitem__", key)
        super().__setitem__(key, value)


class Logged(Base):
    def __setitem__(self, key, value):
        print("Logged.__setitem__", key)
        super().__setitem__(key, value)


class Upper(Logged):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)


u = Upper()
u["k"] = 1
print(u, [c.__name__ for c in Upper.__mro__])

for bases in [(list, dict), (int, str), (tuple, list), (bytes, int), (set, frozenset), (float, int)]:
    try:
        type("Both", bases, {})
    except TypeError as e:
        print(bases[0].__name__, bases[1].__name__, "TypeError:", e)


class A:
    __slots__ = ("a",)


class B:
    __slots__ = ("b",)


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(A, list):
        pass
except TypeError as e:
    print("TypeError:", e)


class E(KeyError, ReprMixin):
    pass


try:
    raise E("missing")
except KeyError as e:
    print(repr(e), E.__base__.__name__)


class Both(dict, ReprMixin):
    pass


print(Both(a=1).describe(), Both.__base__.__name__)
