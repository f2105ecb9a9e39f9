# statistics('traceback') with nframe > 1 keeps call sites apart; 'lineno'
# merges them at the allocating line.
import tracemalloc


def make(n):
    return [bytearray(512) for _ in range(n)]


def build():
    first = make(10)
    second = make(20)
    return first, second


tracemalloc.start(4)
kept = build()
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
snapshot = snapshot.filter_traces([tracemalloc.Filter(True, "*tm_traceback_stats.py")])

by_tb = [s for s in snapshot.statistics("traceback") if s.traceback[-1].lineno == 7]
for stat in by_tb:
    print([frame.lineno for frame in stat.traceback], stat.count >= 10, stat.traceback.total_nframe)
print(by_tb[0].count > by_tb[1].count)
by_line = [s for s in snapshot.statistics("lineno") if s.traceback[0].lineno == 7]
print(len(by_line), by_line[0].size == by_tb[0].size + by_tb[1].size)
print(by_line[0].count == by_tb[0].count + by_tb[1].count)
print(len(by_tb[0].traceback), len(by_line[0].traceback))
print(snapshot.traceback_limit)
