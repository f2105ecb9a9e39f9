# Sizes of dicts, sets and instances as tracemalloc reports them.
import tracemalloc

spare = [[] for _ in range(100)]  # empties CPython's list free list
spare_dicts = [{} for _ in range(100)]  # and its dict free list


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def sizes():
    results = []
    kept = []
    checks = [
        ("dict int->str", lambda n: {i: str(i) for i in range(n)}),
        ("dict str->int", lambda n: {str(i): i for i in range(n)}),
        ("set", lambda n: set(range(1000, 1000 + n))),
        ("frozenset", lambda n: frozenset(range(1000, 1000 + n))),
        ("Point", lambda n: [Point(i, i) for i in range(n)]),
        ("Slots", lambda n: [Slots(i, i) for i in range(n)]),
        ("bytes join", lambda n: b"".join([b"ab"] * n)),
        ("str join", lambda n: ",".join(["ab"] * n)),
        ("dict()", lambda n: dict(zip(range(n), range(n)))),
    ]
    for name, make in checks:
        for n in (10, 100, 1000):
            tracemalloc.start()
            obj = make(n)
            snap = tracemalloc.take_snapshot()
            tracemalloc.stop()
            mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_sizes2.py")])
            total = sum(s.size for s in mine.statistics("filename"))
            count = sum(s.count for s in mine.statistics("filename"))
            results.append((name, n, total, count))
            kept.append(obj)
    return results


for name, n, total, count in sizes():
    print(name, n, total, count)
