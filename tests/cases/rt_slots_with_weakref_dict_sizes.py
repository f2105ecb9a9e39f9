import sys


class A:
    __slots__ = ()


class B:
    __slots__ = ("__weakref__",)


class C:
    __slots__ = ("__dict__",)


class D:
    __slots__ = ("__dict__", "__weakref__")


class E:
    pass


for cls in [A, B, C, D, E]:
    print(cls.__name__, sys.getsizeof(cls()))
