# Chains 200,000 deep are freed, and traversed by the collector, without
# recursing on the host stack (CPython's trashcan); the program goes on.
# Automatic collections are off while the chains grow (each full collection
# would traverse the whole chain again); gc.collect() runs them explicitly.
import gc

gc.disable()
N = 200000

x = []
for i in range(N):
    x = [x]
print(gc.collect())
del x
print('list freed')

x = ()
for i in range(N):
    x = (x, i)
del x
print('tuple freed')

x = {}
for i in range(N):
    x = {i: x}
del x
print('dict freed')

class Node:
    def __init__(self, nxt):
        self.next = nxt

x = None
for i in range(N):
    x = Node(x)
del x
print('instances freed')

# A cycle at the bottom of a deep chain: only the collector frees it.
bottom = []
x = bottom
for i in range(N):
    x = [x]
bottom.append(x)
del x, bottom
print(gc.collect())

head = Node(None)
x = head
for i in range(N):
    x = Node(x)
head.next = x
del x, head
print(gc.collect())
print(gc.collect())
gc.enable()
print([n for n in range(5)])
