# Subscripted built-in classes (list[int]) are types.GenericAlias objects.
import sys, gc
from collections import deque, defaultdict, OrderedDict
a = list[int]
print(a, dict[str, list[int]], tuple[int, ...], tuple[()], set[frozenset[str]], type[int], deque[int], defaultdict[str, int], OrderedDict[str, int])
print(type(a), type(a).__name__, a.__origin__, a.__args__, a.__parameters__, sys.getsizeof(a), gc.is_tracked(a))
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]), {a: 1}[list[int]])
x = a([1, 2])
print(x, type(x).__name__)
print(a.append, dict[str, int].fromkeys("ab"))
try:
    a[int]
except TypeError as e:
    print("TypeError:", e)
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)
class Box:
    def __class_getitem__(cls, item):
        return "Box of %s" % item.__name__
print(Box[int])
from dataclasses import dataclass, field
@dataclass
class Inv:
    items: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
i = Inv()
i.items.append("a")
print(i, Inv.__annotations__)
class Mine: pass
print(list[Mine], dict[str, "Mine"], list[None], list[1])
