import weakref


def f():
    pass


for obj in [f, int, set(), frozenset(), type, weakref.ref]:
    r = weakref.ref(obj)
    print(type(obj).__name__, r() is obj)
