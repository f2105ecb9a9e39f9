# A defaultdict is a GC container; its factory is one of its references.
import gc, sys, weakref
from collections import defaultdict
gc.collect()
d = defaultdict(list)
print(gc.is_tracked(d), gc.is_tracked(defaultdict()))
refs = gc.get_referents(defaultdict(list, a=[1]))
print(len(refs), refs[1] is list, refs[2])
class Node:
    def __del__(self):
        print('Node deleted')
d = defaultdict(Node)
d['self'] = d
d['n']
del d
print('collected', gc.collect())
try:
    weakref.ref(defaultdict())
except TypeError as e:
    print('TypeError:', e)
f = lambda: 0
base = sys.getrefcount(f)
ds = [defaultdict(f) for _ in range(3)]
print(sys.getrefcount(f) - base)
del ds
print(sys.getrefcount(f) - base)
