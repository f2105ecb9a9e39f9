# A leak hunt: two snapshots around a loop, compare_to() names the line
# whose blocks keep growing.
import tracemalloc

_cache = []


class Request:
    def __init__(self, n):
        self.n = n
        self.payload = bytearray(2000)


def handle(n):
    request = Request(n)
    _cache.append(request.payload)  # the leak: payloads are kept forever
    return n * 2


tracemalloc.start()
for i in range(10):
    handle(i)
before = tracemalloc.take_snapshot()
for i in range(100):
    handle(i)
after = tracemalloc.take_snapshot()
tracemalloc.stop()

mine = [tracemalloc.Filter(True, "*tm_leak_hunt.py")]
diff = after.filter_traces(mine).compare_to(before.filter_traces(mine), "lineno")
top = diff[0]
print("leaking line:", top.traceback[0].lineno)
print("new blocks:", top.count_diff, "total:", top.count)
print("grew by at least 200000:", top.size_diff >= 200000)
print(type(top).__name__, top.size == top.size_diff + (top.size - top.size_diff))
print(str(top).split(": ", 1)[1])
print("sorted:", all(abs(a.size_diff) >= abs(b.size_diff) for a, b in zip(diff, diff[1:])))
unchanged = [d for d in diff if d.size_diff == 0 and d.count_diff == 0]
print("unchanged lines listed too:", len(unchanged) >= 0)
print(len(_cache))
