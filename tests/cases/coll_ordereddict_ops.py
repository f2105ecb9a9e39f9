# OrderedDict operations: order-aware equality, popitem(last=), move_to_end,
# pop, setdefault, update, copy, and reprs.
from collections import OrderedDict
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
print(a == b, a != b, dict(a) == dict(b), a == dict(b), dict(b) == a, a == {'x': 1})
print(repr(OrderedDict()), repr(a), str(OrderedDict({1: [1, 2]})), OrderedDict(a=OrderedDict(b=1)))
a.move_to_end('x'); print(a == b, list(a))
a.move_to_end('x', last=False); a.move_to_end('x', False); print(list(a))
print(a.popitem(), a.popitem(last=False), a)
lru = OrderedDict()
def touch(key):
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        print('evict', lru.popitem(last=False)[0])
for key in 'abcadeab':
    touch(key)
print(list(lru))
o = OrderedDict(zip('abc', range(3)))
print(o.pop('b'), o.pop('b', None), o.setdefault('a', 9), o.setdefault('n', 9), o)
o.update([('c', 7), ('m', 1)], z=26); o.update(OrderedDict(q=0)); o.update({'a': -1}.items()); print(o)
c = o.copy(); c['new'] = 1; print(len(o), len(c), type(c).__name__, list(c)[-1])
o['a'] = 'replaced'; print(list(o)[0], o['a'])
del o['a']; o['a'] = 'back'; print(list(o)[-1])
print(OrderedDict(a=1) | {'b': 2} if hasattr(OrderedDict, '__or__') else OrderedDict(a=1, b=2))
for key in ['m', 'z']:
    del o[key]
print(o, len(o), bool(o), bool(OrderedDict()))
try:
    del o['missing']
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    OrderedDict().popitem(last=False)
except KeyError as e:
    print('KeyError', e)
