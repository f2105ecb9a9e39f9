# Allocation churn: lists, dicts, tuples and instances made and dropped,
# with a few kept alive in a ring so that some survive for a while.
import time


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


start = time.perf_counter()
ring = [None] * 64
total = 0
for i in range(360000):
    t = (i, i + 1, i + 2)
    l = [i, t, None]
    d = {"a": i, "b": l}
    p = Point(i, d)
    ring[i % 64] = p
    total += len(l) + len(d) + t[2] + p.x
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
