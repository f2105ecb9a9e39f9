# Error messages of deque operations, as CPython 3.12 words them.
from collections import deque
d = deque([1, 2, 3])
def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
attempt('pop', deque().pop)
attempt('popleft', deque().popleft)
attempt('index', lambda: d[3])
attempt('negative', lambda: d[-4])
attempt('str index', lambda: d['1'])
attempt('slice', lambda: d[0:2])
def set5():
    d[5] = 0
def del9():
    del d[-9]
attempt('set', set5)
attempt('del', del9)
attempt('remove', lambda: d.remove(9))
attempt('index()', lambda: d.index(9))
attempt('index range', lambda: d.index(1, 1))
attempt('index found', lambda: d.index(3, -2, 10))
attempt('hash', lambda: hash(d))
attempt('add list', lambda: d + [4])
attempt('mul str', lambda: d * 'a')
attempt('lt list', lambda: d < [1])
attempt('eq list', lambda: d == [1, 2, 3])
attempt('count', lambda: d.count())
attempt('append 2', lambda: d.append(1, 2))
attempt('rotate str', lambda: d.rotate('a'))
attempt('deque 3 args', lambda: deque([], 1, 2))
attempt('deque kw', lambda: deque(maxlen=2, iterable='abc'))
attempt('deque bad kw', lambda: deque(size=2))
attempt('not iterable', lambda: deque(5))
def mutate():
    for x in d:
        d.appendleft(x)
attempt('mutate', mutate)
print(d)
def mutate_pop():
    it = iter(d)
    next(it)
    d.pop()
    return next(it)
attempt('mutate pop', mutate_pop)
class Bad:
    def __eq__(self, other):
        raise ValueError('no compare')
attempt('bad eq', lambda: Bad() in deque([1]))
attempt('bad count', lambda: deque([1]).count(Bad()))
