# cumulative=True counts a block under every frame of its traceback.
import tracemalloc


def leaf():
    return bytearray(4096)


def middle():
    return [leaf() for _ in range(5)]


tracemalloc.start(10)
keep = [middle() for _ in range(3)]
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
snapshot = snapshot.filter_traces([tracemalloc.Filter(True, "*tm_cumulative.py")])

plain = {s.traceback[0].lineno: s for s in snapshot.statistics("lineno")}
cumulative = {s.traceback[0].lineno: s for s in snapshot.statistics("lineno", cumulative=True)}
print(sorted(plain))
print(sorted(cumulative))
print(cumulative[6].size == plain[6].size, cumulative[6].count == plain[6].count)
print(cumulative[10].size >= plain[6].size, cumulative[14].size >= cumulative[10].size)
print(cumulative[10].count >= 15, 14 in plain)
files = snapshot.statistics("filename", cumulative=True)
print(len(files), files[0].traceback[0].lineno)
try:
    snapshot.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    snapshot.statistics("line")
except ValueError as e:
    print("ValueError:", e)
try:
    snapshot.compare_to(snapshot, "frame")
except ValueError as e:
    print("ValueError:", e)
