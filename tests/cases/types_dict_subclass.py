# Subclasses of dict: layout, construction, overrides, __missing__, GC.
import gc
import sys


class D(dict):
    pass


d = D(a=1, b=2)
print(d, type(d).__name__, len(d), d["a"], isinstance(d, dict), type(d) is dict)
print(sys.getsizeof(D()), sys.getsizeof(dict()), sys.getsizeof(d) - sys.getsizeof({"a": 1, "b": 2}))
print(gc.is_tracked(D()), gc.is_tracked({}))
d.note = "attr"
print(d.note, d.__dict__, list(d.keys()), list(d.values()), sorted(d.items()))
print(D([(1, 2)], x=3), D({"k": "v"}), D())
print(d == {"a": 1, "b": 2}, {"a": 1, "b": 2} == d, d != {"a": 1})
print(sys.getrefcount(d))
e = d.copy()
print(type(e).__name__, e)
d.update(c=3)
print(d.pop("c"), d.setdefault("z", 26), d)
try:
    hash(d)
except TypeError as exc:
    print("TypeError:", exc)
try:
    D(1, 2)
except TypeError as exc:
    print("TypeError:", exc)


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "hello":
    c[ch] += 1
print(c, c["q"], "q" in c, c.get("q"))


class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)


g = Logged()
g["x"] = 1
print(g["x"])
del g["x"]
print(g, len(g))


class Init(dict):
    def __init__(self, *args, **kwargs):
        print("init", args, kwargs)
        super().__init__(*args, **kwargs)
        self.extra = True


i = Init([("k", 1)], z=2)
print(i, i.extra)

# A cycle through the dict's values and one through the instance __dict__.
a = D()
a["self"] = a
b = D()
b.me = b
print(gc.is_tracked(a), gc.is_tracked(b))
del a, b
print(gc.collect())
