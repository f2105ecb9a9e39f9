from collections import deque, OrderedDict, defaultdict
import array, itertools
print(deque.__len__, deque([1]).__len__(), array.array.__getitem__)
print(OrderedDict.fromkeys('abc'), OrderedDict.fromkeys('ab', 0))
print(defaultdict.fromkeys('ab'))
class Stack(deque):
    def push(self, x):
        self.append(x)
s = Stack([1, 2]); s.push(3); print(s, len(s), s.pop())
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)
l = LRU(2); l['a'] = 1; l['b'] = 2; l['a'] = 3; l['c'] = 4; print(l)
class DD(defaultdict):
    pass
d = DD(list); d['x'].append(1); print(d)
import sys, gc
print(sys.getsizeof(Stack()), sys.getsizeof(LRU(1)), sys.getsizeof(DD()), gc.is_tracked(Stack()))
class Arr(array.array):
    def total(self):
        return sum(self)
a = Arr('i', [1, 2, 3]); print(a, a.total(), type(a[0:2]).__name__, sys.getsizeof(a), a.itemsize)
class Q(deque):
    __slots__ = ('name',)
q = Q('abc', 2); q.name = 'n'; print(q, q.name, q.maxlen, sys.getsizeof(q))
class Tracked(deque):
    def __init__(self, *args):
        super().__init__(*args)
        self.log = ['init']
t = Tracked([1]); t.append(2); print(t, t.log, vars(t))
s2 = Stack([5]); s2.__init__([6, 7]); print(s2)
d = DD(int, a=1); print(d, d.copy(), type(d.copy()).__name__)
x = Stack(range(3)); y = x.copy(); print(type(y).__name__ if True else '', x + x if False else '')
import weakref
w = weakref.ref(Stack()); print(w())
l2 = LRU(3); l2.update({'p': 1}, q=2); print(l2, l2 == OrderedDict(p=1, q=2))
o = OrderedDict(a=1); o.tag = 'x'; print(o.tag, o.__dict__, o, sys.getsizeof(o))
del o.tag; print(o.__dict__)
try:
    del o.nothing
except AttributeError as e:
    print('AttributeError:', e)
l3 = LRU(2); print(l3.cap, l3.__dict__, sys.getsizeof(l3))
