# Snapshot statistics on traces built by hand: grouping, and the order of
# ties (size, then count, then traceback, all descending).
import tracemalloc

traces = [
    (0, 100, (("a.py", 1),), 1),
    (0, 100, (("a.py", 1),), 1),
    (0, 200, (("b.py", 5), ("a.py", 9)), 2),
    (0, 200, (("a.py", 2),), 1),
    (0, 100, (("c.py", 3),), 1),
    (0, 100, (("c.py", 4),), 1),
    (1, 50, (("d.py", 7),), 1),
    (0, 200, (("b.py", 5), ("a.py", 8)), 2),
]
snap = tracemalloc.Snapshot(traces, 2)
print(snap.traceback_limit, len(snap.traces), repr(snap.traces))
for key in ("lineno", "filename", "traceback"):
    print("--", key)
    for stat in snap.statistics(key):
        print(stat.traceback, [str(f) for f in stat.traceback], stat.size, stat.count)
print("-- cumulative")
for stat in snap.statistics("lineno", cumulative=True):
    print(stat)
for stat in snap.statistics("filename", cumulative=True):
    print(stat)
old = tracemalloc.Snapshot(traces[:3] + [(0, 900, (("z.py", 1),), 1)], 2)
print("-- compare")
for d in snap.compare_to(old, "lineno"):
    print(d)
for d in snap.compare_to(old, "filename", cumulative=True):
    print(repr(d))
t = snap.traces[2]
print(t.domain, t.size, t.traceback, [f.lineno for f in t.traceback], t.traceback.total_nframe)
print(t in snap.traces, t == snap.traces[2], snap.traces[0] == snap.traces[1])
print(len(snap.traces[1:3]), type(snap.traces[0]).__name__)
print(len(snap.filter_traces([tracemalloc.DomainFilter(False, 1)]).traces))
print([str(s) for s in snap.filter_traces([tracemalloc.Filter(True, "a.py", all_frames=True)]).statistics("traceback")])
print([str(s) for s in snap.filter_traces([tracemalloc.Filter(False, "a.py")]).statistics("lineno")])
print(snap.traces.index(snap.traces[3]), snap.traces.count(snap.traces[0]), snap.traces.count(snap.traces[2]))
print([t.size for t in reversed(snap.traces)])
print(snap.traces[0].traceback.index(snap.traces[0].traceback[0]), snap.traces[2].traceback.count(snap.traces[2].traceback[1]))
