# An OrderedDict is a GC container whose nodes hold its keys; weakrefs work.
import gc, sys, weakref
from collections import OrderedDict
gc.collect()
od = OrderedDict(a=[1])
print(gc.is_tracked(od), gc.is_tracked(OrderedDict()))
refs = gc.get_referents(od)
print(len(refs), sorted(map(repr, refs)))
od['self'] = od
r = weakref.ref(od, lambda ref: print('callback'))
del od
print('collected', gc.collect(), r())
k = 'key' + str(1)
base = sys.getrefcount(k)
o = OrderedDict()
o[k] = 1
print(sys.getrefcount(k) - base)
o.move_to_end(k); print(sys.getrefcount(k) - base)
o.pop(k); print(sys.getrefcount(k) - base)
o[k] = 2; o.clear(); print(sys.getrefcount(k) - base)
