# Snapshot.statistics('lineno'): one Statistic per line, biggest first.
import tracemalloc


def where(frame):
    return "%s:%s" % (frame.filename.split("/")[-1], frame.lineno)


tracemalloc.start()
small = [bytearray(100) for _ in range(10)]
big = bytearray(200000)
medium = [bytearray(1000) for _ in range(20)]
text = "y" * 50000
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()

mine = snapshot.filter_traces([tracemalloc.Filter(True, "*tm_lineno_stats.py")])
stats = mine.statistics("lineno")
for stat in stats:
    print(where(stat.traceback[0]), stat.count >= 1, len(stat.traceback))
print([stat.traceback[0].lineno for stat in stats[:4]])
print("big:", stats[0].size, stats[0].count)
print("text:", stats[1].size, stats[1].count)
print("medium count at least 20:", stats[2].count >= 20)
print("sorted:", all(a.size >= b.size for a, b in zip(stats, stats[1:])))
print(str(stats[0]).split(": ", 1)[1])
print(str(stats[1]).split(": ", 1)[1])
print(type(stats[0]).__name__, type(stats[0].traceback).__name__, type(stats[0].traceback[0]).__name__)
