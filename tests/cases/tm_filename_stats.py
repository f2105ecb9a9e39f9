# statistics('filename'): one Statistic per file, its frame at line 0.
import tracemalloc

tracemalloc.start()
blocks = [bytearray(3000) for _ in range(30)]
more = {i: str(i) * 10 for i in range(200)}
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()

stats = snapshot.statistics("filename")
mine = [s for s in stats if s.traceback[0].filename.endswith("tm_filename_stats.py")]
print(len(mine))
stat = mine[0]
print(stat.traceback[0].lineno, len(stat.traceback))
print(str(stat.traceback).endswith("tm_filename_stats.py:0"))
print(stat.size >= 30 * 3000, stat.count >= 30 + 200)
by_line = snapshot.filter_traces([tracemalloc.Filter(True, "*tm_filename_stats.py")]).statistics("lineno")
print(sum(s.size for s in by_line) == stat.size, sum(s.count for s in by_line) == stat.count)
print(len(set(s.traceback for s in stats)) == len(stats))
print(all(s.traceback[0].lineno == 0 for s in stats))
