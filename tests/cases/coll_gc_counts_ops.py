import gc, itertools as it, array
from collections import deque, OrderedDict, defaultdict, Counter, namedtuple
gc.disable()
P = namedtuple('P', 'x y')
def delta(label, f):
    gc.collect()
    before = gc.get_count()[0]
    keep = f()
    after = gc.get_count()[0]
    print(label, after - before)
delta('deque', lambda: deque())
delta('deque items', lambda: deque([1, 2, 3]))
delta('deque eq', lambda: deque([1]) == deque([1]))
delta('od', lambda: OrderedDict())
delta('od items', lambda: OrderedDict(a=1, b=2))
delta('od keys', lambda: OrderedDict(a=1).keys())
delta('dd', lambda: defaultdict(list))
delta('dd missing', lambda: defaultdict(list)['k'])
delta('array', lambda: array.array('i', [1, 2]))
delta('array iter', lambda: list(array.array('i', [1, 2])))
delta('count', lambda: it.count())
delta('chain', lambda: it.chain([1], [2]))
delta('product list', lambda: list(it.product('ab', 'cd')))
delta('tee', lambda: it.tee([1, 2]))
delta('groupby', lambda: [(k, list(g)) for k, g in it.groupby('aab')])
