def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for o in [[], [1, 2], (), (1,), {}, {1: 2}, set(), {1}, frozenset(), "", "abc", "é", b"", b"ab", bytearray(b"ab"), {}.keys(), iter([]), reversed({})]:
    t(lambda: o.__sizeof__())
t(lambda: [].__class__.__name__)
t(lambda: list.__dict__["append"])
t(lambda: type([].append).__name__)
t(lambda: [].append.__self__)
t(lambda: {}.keys.__name__)
t(lambda: len(dir([])) > 30)
t(lambda: "append" in dir(list))
t(lambda: [m for m in dir(str) if not m.startswith("_")])
t(lambda: [m for m in dir(bytes) if not m.startswith("_")])
t(lambda: [m for m in dir(list) if not m.startswith("_")])
t(lambda: [m for m in dir(dict) if not m.startswith("_")])
t(lambda: [m for m in dir(set) if not m.startswith("_")])
t(lambda: [m for m in dir(frozenset) if not m.startswith("_")])
t(lambda: [m for m in dir(tuple) if not m.startswith("_")])
t(lambda: [m for m in dir(bytearray) if not m.startswith("_")])
