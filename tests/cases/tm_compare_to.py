# compare_to(): new, grown, shrunk and vanished lines.
import tracemalloc

# Lists made below come from the allocator, not from the free list CPython's
# start-up leaves behind.
spare_lists = [[] for _ in range(100)]

def main():
    tracemalloc.start()
    keep = bytearray(10000)
    drop = bytearray(20000)
    grow = [bytearray(100) for _ in range(10)]
    first = tracemalloc.take_snapshot()
    del drop
    for _ in range(10): grow.append(bytearray(100))
    new = bytearray(30000)
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return first, second, keep, new


first, second, keep, new = main()
mine = [tracemalloc.Filter(True, "*tm_compare_to.py")]
old = first.filter_traces(mine)
cur = second.filter_traces(mine)
diff = cur.compare_to(old, "lineno")
for d in diff:
    print(d.traceback[0].lineno, d.size_diff, d.count_diff, d.size, d.count)
print([str(d).split(": ", 1)[1] for d in diff if d.traceback[0].lineno in (10, 11, 16)])
back = old.compare_to(cur, "lineno")
print([(d.traceback[0].lineno, d.size_diff) for d in back if d.traceback[0].lineno in (10, 11, 16)])
same = cur.compare_to(cur, "lineno")
print(all(d.size_diff == 0 and d.count_diff == 0 for d in same), len(same) == len(cur.statistics("lineno")))
print(len(cur.compare_to(old, "filename")), cur.compare_to(old, "filename")[0].traceback[0].lineno)
print(repr(diff[0]).startswith("<StatisticDiff traceback=<Traceback (<Frame filename="))
