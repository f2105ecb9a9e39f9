import sys


class S0:
    __slots__ = ()


class S1:
    __slots__ = ("a",)


class S3:
    __slots__ = ("a", "b", "c")


class SW:
    __slots__ = ("a", "__weakref__")


class SD:
    __slots__ = ("a", "__dict__")


for cls in [S0, S1, S3, SW, SD]:
    print(cls.__name__, sys.getsizeof(cls()))
