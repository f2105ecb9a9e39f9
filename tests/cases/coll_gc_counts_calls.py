import gc, itertools as it, array
from collections import deque, OrderedDict, defaultdict
gc.disable()
def delta(label, f):
    gc.collect()
    before = gc.get_count()[0]
    keep = f()
    after = gc.get_count()[0]
    print(label, after - before)
delta('list', lambda: list((1,)))
delta('set', lambda: set((1,)))
delta('deque', lambda: deque((1,)))
delta('deque2', lambda: deque((1,), 5))
delta('deque kw', lambda: deque(maxlen=5))
delta('count', lambda: it.count(1))
delta('count2', lambda: it.count(1, 2))
delta('repeat', lambda: it.repeat(1))
delta('array', lambda: array.array('i'))
delta('dd', lambda: defaultdict(list))
delta('od', lambda: OrderedDict())
delta('od kw', lambda: OrderedDict(a=1))
