# Which dunders built-in objects have, as attributes.
values = [0, 1.5, "s", b"b", [], (), {}, set(), frozenset(), None, len, range(2), object()]
for name in ["__len__", "__add__", "__iter__", "__hash__", "__call__", "__getitem__", "__contains__", "__eq__", "__lt__",
             "__init__", "__new__", "__repr__", "__str__", "__bool__", "__neg__", "__setitem__", "__next__"]:
    print(name, "".join("1" if hasattr(v, name) else "0" for v in values))
print([type(v).__hash__ is None for v in values])
print(callable(int.__add__), callable((1).__add__), callable(object.__new__), callable(list.__dict__["__len__"]))
print(getattr(5, "__add__")(1), getattr("a", "__mul__")(3), getattr([1, 2], "__len__")())
print(type(int.__dict__["__add__"]).__name__, type(dict.__dict__["__getitem__"]).__name__, type(list.__dict__["append"]).__name__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__.__name__, (1).__add__.__self__)
it = iter([1, 2])
print(it.__next__(), next(it), it.__iter__() is it, type(it.__next__).__name__)
print(len.__call__("abc"), (lambda x: x * 2).__call__(4), type(len.__call__).__name__)
