# int | None: types.UnionType, and isinstance/issubclass with one.
import sys, gc
u = int | None
print(u, type(u), type(u).__name__, u.__args__, u.__parameters__, sys.getsizeof(u), gc.is_tracked(u))
print(None | int, int | str | None, list[int] | None, int | int, (int | str) | (str | float), int | list[int] | dict[str, int])
print(int | str == str | int, int | str == int | float, hash(int | str) == hash(str | int), {int | str: 1}[str | int])
print(isinstance(5, int | str), isinstance("a", int | None), isinstance(None, int | None), isinstance(2.0, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str))
class Mine: pass
print(Mine | None, Mine | int)
for f in [lambda: int | "str", lambda: int | 5, lambda: 5 | int]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
from dataclasses import dataclass
@dataclass
class Node:
    value: int
    next: "Node | None" = None
    tags: list[str] | None = None
print(Node(1), Node.__annotations__)
