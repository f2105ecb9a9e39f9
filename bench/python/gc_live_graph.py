# The collector walking a live graph: 1,000,000 tracked objects (lists
# linked into a chain) stay reachable while a full collection traverses them.
import gc
import time

gc.disable()
gc.collect()
head = []
node = head
i = 0
while i < 999999:
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
