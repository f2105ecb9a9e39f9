import sys


def area(w: float, h: float = 1.0, *args: int, scale: "factor" = 2, **kw: dict) -> float:
    return w * h


print(area.__annotations__)


def pos(a: int, /, b: str, *, c: bytes) -> None:
    pass


print(pos.__annotations__, list(pos.__annotations__))


def bare(x, y):
    pass


print(bare.__annotations__)
bare.__annotations__ = {"x": int}
print(bare.__annotations__)
bare.__annotations__ = None
print(bare.__annotations__)


class K:
    def m(self, v: "K") -> "K":
        return self


print(K.m.__annotations__, K().m.__annotations__)
lam = lambda x: x
print(lam.__annotations__)


def outer():
    T = list

    def inner(x: T) -> T:
        return x
    return inner


print(outer().__annotations__)


def g(x: int):
    yield x


print(g.__annotations__, sys.getsizeof(g(1)) > 0)
