# Filter and DomainFilter: inclusive and exclusive, by file name pattern,
# line number and domain; all_frames looks at every frame.
import tracemalloc


def helper():
    return [bytearray(700) for _ in range(4)]


def main():
    tracemalloc.start(5)
    a = bytearray(11000)
    b = bytearray(12000)
    c = helper()
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return snap, (a, b, c)


snapshot, kept = main()


def lines(snap):
    return sorted(set(s.traceback[0].lineno for s in snap.statistics("lineno")
                      if s.traceback[0].filename.endswith("tm_filters.py")))


mine = tracemalloc.Filter(True, "*tm_filters.py")
print(mine.inclusive, mine.filename_pattern, mine.lineno, mine.all_frames, mine.domain)
only_mine = snapshot.filter_traces([mine])
print(lines(only_mine))
print(all(t.traceback[0].filename.endswith("tm_filters.py") for t in only_mine.traces))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.py", 12)])))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.py", 12),
                                    tracemalloc.Filter(True, "*tm_filters.py", 13)])))
print(lines(snapshot.filter_traces([mine, tracemalloc.Filter(False, "*tm_filters.py", 7)])))
print(lines(snapshot.filter_traces([tracemalloc.Filter(False, "*.py")])))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filt?rs.[op]y")])))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.pyc")])))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*no_such_file.py")])))

# all_frames: helper's blocks have main() (line 14) among their frames.
by_caller = snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.py", 14, all_frames=True)])
print(lines(by_caller), len(by_caller.traces) >= 8)
not_by_caller = snapshot.filter_traces([mine, tracemalloc.Filter(False, "*tm_filters.py", 14, all_frames=True)])
print(lines(not_by_caller))

print(len(snapshot.filter_traces([tracemalloc.DomainFilter(True, 0)]).traces) == len(snapshot.traces))
print(len(snapshot.filter_traces([tracemalloc.DomainFilter(False, 0)]).traces))
print(len(snapshot.filter_traces([tracemalloc.DomainFilter(True, 1)]).traces))
print(lines(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.py", 13, domain=0)])))
print(len(snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filters.py", domain=5)]).traces))
d = tracemalloc.DomainFilter(False, 3)
print(d.inclusive, d.domain)
print(len(snapshot.filter_traces([]).traces) == len(snapshot.traces))
print(len(snapshot.filter_traces(()).traces) == len(snapshot.traces))
try:
    snapshot.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(mine, tracemalloc.BaseFilter), isinstance(d, tracemalloc.BaseFilter))
