# Subclasses of set and frozenset.
import gc
import sys
import weakref


class S(set):
    pass


class FS(frozenset):
    pass


s = S([3, 1, 2])
print(sorted(s), type(s).__name__, len(s), 2 in s, sys.getsizeof(S()), sys.getsizeof(set()), gc.is_tracked(s))
print(sorted(s | {4}), type(s | {4}).__name__, type(s & {1}).__name__, type(s - {1}).__name__, type(s.copy()).__name__)
s.add(9)
s.discard(1)
print(sorted(s), s == {2, 3, 9}, {2, 3, 9} == s, s <= {2, 3, 9, 10})
s.__init__([7])
print(s, S(), repr(S()), repr(FS()))
f = FS("aab")
print(sorted(f), type(f).__name__, hash(f) == hash(frozenset("ab")), f == frozenset("ab"), {f: 1}[frozenset("ab")])
print(type(f | {"c"}).__name__, type(f.copy()).__name__, f.copy() is f, sys.getsizeof(FS()))
print(frozenset(f) is f, type(frozenset(f)).__name__)
r = weakref.ref(s)
print(r() is s, weakref.ref(f)() is f, "__weakref__" in S.__dict__)
s.tag = 1
print(s.tag)
try:
    S(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)


class Tags(set):
    def add(self, item):
        super().add(item.lower())

    def __contains__(self, item):
        return super().__contains__(item.lower())


t = Tags()
t.add("Python")
print("PYTHON" in t, "java" in t, t)


class Pair(frozenset):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))


p = Pair(1, 2)
print(sorted(p), len(p), type(p).__name__)
c = S()
c.add(frozenset())
c.me = c
del c, s, r
print(gc.collect())
