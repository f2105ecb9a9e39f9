# str() and repr() of Statistic, StatisticDiff, Trace, Traceback and Frame,
# with tracemalloc's size format (B, KiB, MiB, ... and signs).
import tracemalloc

tb = tracemalloc.Traceback((("file.py", 12),))
print(tracemalloc.Statistic(tb, 576, 1))
print(tracemalloc.StatisticDiff(tb, 10444, 10444, 50, 50))
for size in (0, 1, 99, 100, 1023, 1024, 10239, 10240, 10 * 1024 * 1024 - 1, 10 * 1024 * 1024,
             123456789, 5 * 1024 ** 4, 3 * 1024 ** 5):
    print(size, tracemalloc.Statistic(tb, size, 3))
print(tracemalloc.Statistic(tb, 0, 0))
print(tracemalloc.StatisticDiff(tb, 0, -20480, 0, -4))
print(tracemalloc.StatisticDiff(tb, 2048, 0, 2, 0))
print(tracemalloc.StatisticDiff(tb, 500, -150000, 5, -100))
print(repr(tracemalloc.Statistic(tb, 576, 1)))
print(repr(tracemalloc.StatisticDiff(tb, 100, -20, 4, -1)))
print(repr(tb), str(tb), len(tb))
two = tracemalloc.Traceback((("b.py", 2), ("a.py", 1)), 7)
print(repr(two), str(two), two.total_nframe)
frame = tracemalloc.Frame(("x.py", 3))
print(repr(frame), str(frame), frame.filename, frame.lineno)
trace = tracemalloc.Trace((0, 4096, (("t.py", 9),), 1))
print(str(trace), repr(trace), trace.domain, trace.size, trace.traceback.total_nframe)
print(tracemalloc._format_size(1536, False), tracemalloc._format_size(-1536, True), tracemalloc._format_size(0, True))
