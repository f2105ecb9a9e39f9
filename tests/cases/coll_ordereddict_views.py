# The views of an OrderedDict follow its linked order, and are live.
from collections import OrderedDict
od = OrderedDict(b=2, a=1, c=3)
od.move_to_end('b')
k, v, i = od.keys(), od.values(), od.items()
print(k, v, i, len(k), 'a' in k, 2 in v, ('c', 3) in i, ('c', 4) in i)
od['d'] = 4
print(list(k), list(v), list(i))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(od)))
print(type(k).__name__, type(v).__name__, type(i).__name__, type(iter(k)).__name__, type(reversed(i)).__name__)
print([key for key in od], [pair for pair in od.items()], dict(od), list(dict(od)))
print(sorted(k), max(v), tuple(i)[0])
it = iter(od)
next(it)
del od['c']
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
it = iter(od.items())
od['z'] = 0
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
print(od)
