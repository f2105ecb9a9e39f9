import itertools as it, gc, sys
from collections import deque
gc.collect()
class Node:
    def __del__(self):
        print('del', type(self).__name__)
# A cycle through an itertools object: the collector must see through it.
n = Node(); n.it = it.cycle([n]); del n
print('collected', gc.collect() >= 2)
n = Node(); n.it = it.chain([n]); del n
print('collected', gc.collect() >= 2)
n = Node(); n.g = it.groupby([n, n]); del n
print('collected', gc.collect() >= 2)
n = Node(); a, b = it.tee([n, 1]); next(a); n.t = a; del n, a, b
print('collected', gc.collect() >= 2)
d = deque(); d.append(d); del d
print('deque cycle', gc.collect())
n = Node(); n.d = deque([n], maxlen=3); del n
print('collected', gc.collect() >= 2)
x = object()
print(sys.getrefcount(x))
r = it.repeat(x, 3); print(sys.getrefcount(x)); l = list(r); print(sys.getrefcount(x)); del r, l; print(sys.getrefcount(x))
d = deque([x] * 100); print(sys.getrefcount(x)); d.rotate(37); d.clear(); print(sys.getrefcount(x))
p = it.product([x], [x]); t = next(p); print(sys.getrefcount(x)); del p; print(sys.getrefcount(x)); del t; print(sys.getrefcount(x))
print(gc.get_referents(it.repeat(x, 1))[0] is x, len(gc.get_referents(deque([1, 2, 3]))))
g = it.groupby('aab'); k, grp = next(g); print(gc.get_referents(grp)[0] is g)
