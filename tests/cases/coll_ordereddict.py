import sys, gc
from collections import OrderedDict
od = OrderedDict()
od["x"] = 1
od["y"] = 2
od.move_to_end("x")
print(list(od.keys()), od, od.keys(), od.values(), od.items())
print(sys.getsizeof(OrderedDict()), sys.getsizeof(OrderedDict(a=1)))
o = OrderedDict((i, i) for i in range(10)); print(sys.getsizeof(o))
for i in range(10): del o[i]
print(sys.getsizeof(o), o, len(o))
o = OrderedDict.__new__(OrderedDict) if False else OrderedDict([('b', 2), ('a', 1)], c=3)
print(o, o.popitem(), o.popitem(last=False), o)
o = OrderedDict(zip('abcde', range(5)))
o.move_to_end('a'); o.move_to_end('e', last=False); print(o, list(reversed(o)), list(reversed(o.items())))
print(o == OrderedDict(o), o == dict(o), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(o))
print(o.pop('c'), o.pop('zz', 'dflt'), o.setdefault('q', 9), o.setdefault('q', 10), o)
c = o.copy(); c['new'] = 1; print(c, type(c), o)
o.update({'k': 1}, z=2); o.update([('w', 3)]); print(o)
o.clear(); print(o, sys.getsizeof(o), gc.is_tracked(o))
try: o.popitem()
except KeyError as e: print('KeyError', e)
try: o.move_to_end('nope')
except KeyError as e: print('KeyError', e)
try: o.pop('nope')
except KeyError as e: print('KeyError', e)
o = OrderedDict(a=1, b=2)
try:
    for k in o: o['c'] = 3
except RuntimeError as e: print(e)
try:
    for k in o: o.move_to_end('a')
except RuntimeError as e: print(e)
r = OrderedDict(); r['self'] = r; print(r)
print(isinstance(o, dict), type(o), 'a' in o, o.get('b'), o['a'], len(o), sorted(o), [v for v in o.values()], list(o.items()))
import weakref; w = weakref.ref(o); print(w() is o)
print(type(iter(o)).__name__, type(o.keys()).__name__, type(iter(o.items())).__name__)
