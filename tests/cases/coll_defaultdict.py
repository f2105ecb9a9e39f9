import sys, gc
from collections import defaultdict
dd = defaultdict(list)
for w in ["apple", "avocado", "banana"]:
    dd[w[0]].append(w)
print(dict(dd), dd)
print(sys.getsizeof(defaultdict()), sys.getsizeof(defaultdict(list)), sys.getsizeof(dd))
c = defaultdict(int)
for ch in "mississippi": c[ch] += 1
print(c, len(c), c == {'m': 1, 'i': 4, 's': 4, 'p': 2}, sorted(c.items()))
print(c.default_factory, defaultdict().default_factory, defaultdict(None, a=1))
d = defaultdict(list, {'x': [1]}, y=[2]); print(d, d.copy(), type(d.copy()))
try: defaultdict()['k']
except KeyError as e: print('KeyError', e)
try: defaultdict(1)
except TypeError as e: print(e)
print(gc.is_tracked(defaultdict()), isinstance(d, dict), type(d).__name__, type(d))
d.default_factory = set; print(d['z'], d)
print(d.get('nope'), 'nope' in d, d.setdefault('q', 5), d.pop('q'), list(d.keys()))
r = defaultdict(list); r['self'] = r; print(r)
x = defaultdict(lambda: 'dflt'); print(x[1], len(x))
print(sys.getrefcount(d), d.__missing__('w'), d)
