# The collector freeing cyclic garbage: N objects in two-list cycles become
# unreachable, then one full collection frees them all. bench/gc_vs_cpython.sh
# runs it with other values of N.
import gc
import time

N = 1000000
gc.disable()
gc.collect()
cycles = []
i = 0
while i < N // 2:
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
