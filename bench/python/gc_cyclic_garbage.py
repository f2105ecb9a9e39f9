# The collector freeing cyclic garbage: 500,000 two-list cycles (1,000,000
# objects) become unreachable, then one full collection frees them all.
import gc
import time

gc.disable()
gc.collect()
cycles = []
i = 0
while i < 500000:
    a = []
    b = [a]
    a.append(b)
    cycles.append(a)
    i += 1
a = b = None
cycles = None
start = time.perf_counter()
freed = gc.collect()
elapsed = time.perf_counter() - start
print("freed", freed)
print("seconds", elapsed)
