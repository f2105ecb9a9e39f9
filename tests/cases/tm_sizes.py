# The sizes tracemalloc reports are the sizes the allocator was asked for:
# object headers, GC headers and buffers included.
import tracemalloc

spare = [[] for _ in range(100)]  # empties CPython's list free list


class Plain:
    pass


def sizes():
    results = []
    kept = []
    checks = [
        ("bytes", lambda n: b"x" * n),
        ("bytearray", lambda n: bytearray(n)),
        ("str", lambda n: "a" * n),
        ("str latin-1", lambda n: "\xe9" * n),
        ("str ucs2", lambda n: "\u20ac" * n),
        ("list(range)", lambda n: list(range(n))),
        ("list * n", lambda n: [None] * n),
        ("ints", lambda n: [i * 1000 for i in range(n)]),
        ("tuple", lambda n: tuple(range(n))),
        ("big int", lambda n: 7 ** n),
        ("str(int)", lambda n: [str(i) for i in range(n)]),
    ]
    for name, make in checks:
        for n in (10, 100, 1000):
            tracemalloc.start()
            obj = make(n)
            snap = tracemalloc.take_snapshot()
            tracemalloc.stop()
            mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_sizes.py")])
            results.append((name, n, [s.size for s in mine.statistics("traceback")]))
            kept.append(obj)
    return results


for name, n, total in sizes():
    print(name, n, total)
