# Deques are GC containers: tracked from creation, traversed by the collector,
# and weakly referenceable.
import gc, weakref
from collections import deque
gc.collect()
d = deque()
print(gc.is_tracked(d), gc.is_tracked(deque([1, 2])))
d.append(d)
r = weakref.ref(d, lambda ref: print('callback: deque gone'))
del d
print('collected', gc.collect())
print(r() is None)
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
q = deque([Item('a'), Item('b')])
q[0].q = q
del q
print('collected', gc.collect())
print(len(gc.get_referents(deque([1, 2, 3]))), gc.get_referents(deque(['x']))[1])
w = weakref.ref(deque())
print(w())
p = weakref.proxy(deque([5, 6]))
try:
    print(len(p))
except ReferenceError as e:
    print('ReferenceError:', e)
keep = deque([1])
print(weakref.getweakrefcount(keep), weakref.proxy(keep)[0], weakref.getweakrefcount(keep))
