# The collector walking a live graph: N tracked objects (lists linked into a
# chain) stay reachable while a full collection traverses them.
# bench/gc_vs_cpython.sh runs it with other values of N.
import gc
import time

N = 1000000
gc.disable()
gc.collect()
head = []
node = head
i = 0
while i < N - 1:
    nxt = []
    node.append(nxt)
    node = nxt
    i += 1
node = nxt = None
start = time.perf_counter()
freed = gc.collect()
elapsed = time.perf_counter() - start
print("freed", freed)
print("seconds", elapsed)
