# __slots__ on subclasses of built-in types.
import sys


class Pair(list):
    __slots__ = ("label",)


p = Pair([1, 2])
p.label = "xy"
print(p, p.label, sys.getsizeof(p), sys.getsizeof(Pair()), hasattr(p, "__dict__"))
try:
    p.other = 1
except AttributeError as e:
    print("AttributeError:", e)


class Tagged(dict):
    __slots__ = ("tag", "__weakref__")


t = Tagged(a=1)
t.tag = "T"
print(t, t.tag, sys.getsizeof(Tagged()), "__weakref__" in Tagged.__dict__)


class Small(int):
    __slots__ = ()


print(Small(5), sys.getsizeof(Small(5)), sys.getsizeof(5), hasattr(Small(5), "__dict__"))
try:
    Small(1).x = 2
except AttributeError as e:
    print("AttributeError:", e)


class Named(str):
    __slots__ = ("kind",)


n = Named("abc")
n.kind = "word"
print(n, n.kind, len(n), sys.getsizeof(n))
try:
    del n.kind
    print(n.kind)
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad(int):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(tuple):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError:", e)
