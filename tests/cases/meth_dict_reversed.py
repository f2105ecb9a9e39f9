import sys, gc
from collections import OrderedDict
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
d = {'a': 1, 'b': 2, 'c': 3, 4: 'four'}
del d['b']
t(lambda: list(reversed(d)))
t(lambda: list(reversed(d.keys())))
t(lambda: list(reversed(d.values())))
t(lambda: list(reversed(d.items())))
t(lambda: list(reversed({})))
t(lambda: type(reversed(d)).__name__)
t(lambda: type(reversed(d.values())).__name__)
t(lambda: type(reversed(d.items())).__name__)
t(lambda: sys.getsizeof(reversed(d)))
t(lambda: gc.is_tracked(reversed(d)))
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3
p = P()
t(lambda: list(reversed(p.__dict__)))
t(lambda: list(reversed(p.__dict__.items())))
def f():
    e = {1: 1, 2: 2}
    for k in reversed(e):
        e[k + 10] = 0
t(f)
def f():
    e = dict.fromkeys(range(5))
    it = reversed(e)
    next(it)
    del e[4]
    return next(it)
t(f)
t(lambda: list(reversed(OrderedDict(a=1, b=2))))
t(lambda: d.keys().isdisjoint(['x', 'y']))
t(lambda: d.keys().isdisjoint({'a'}))
t(lambda: d.items().isdisjoint([('a', 1)]))
t(lambda: d.items().isdisjoint([('a', 2)]))
t(lambda: d.keys().isdisjoint(1))
t(lambda: d.keys().isdisjoint())
t(lambda: {}.keys().isdisjoint({}.keys()))
t(lambda: d.__reversed__(1))
it = reversed(d.items())
a = next(it)
b = next(it)
print(a, b)
