from collections import deque, OrderedDict, defaultdict
import array, itertools as it, gc
def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r if not isinstance(r, (deque, OrderedDict)) else len(r))
    except Exception as e:
        print(label, type(e).__name__, e)
class Evil:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
    def __hash__(self):
        return 1
d = deque([1, 2, 3])
attempt('count evil', lambda: d.count(Evil(d)))
d = deque([1, 2, 3]); attempt('index evil', lambda: d.index(Evil(d)))
d = deque([1, 2, 3]); attempt('remove evil', lambda: d.remove(Evil(d)))
d = deque([1, 2, 3]); attempt('in evil', lambda: Evil(d) in d)
o = OrderedDict(); o[Evil(o)] = 1
attempt('od evil set', lambda: o.__setitem__(Evil(o), 2))
print(len(o))
class BadHash:
    def __hash__(self):
        raise ValueError('no hash')
attempt('od badhash', lambda: OrderedDict({1: 1}).__setitem__(BadHash(), 1))
attempt('od move badhash', lambda: OrderedDict({1: 1}).move_to_end(BadHash()))
attempt('dd badhash', lambda: defaultdict(int)[BadHash()])
o = OrderedDict.fromkeys(range(10))
def mutating_iter():
    for k in o:
        del o[k]
attempt('od del during iter', mutating_iter)
attempt('rotate huge', lambda: deque(range(5)).rotate(10**18))
attempt('rotate huge neg', lambda: deque(range(5)).rotate(-10**18))
attempt('rotate overflow', lambda: deque(range(5)).rotate(10**30))
attempt('islice huge', lambda: list(it.islice(range(3), 10**30)))
attempt('repeat huge', lambda: it.repeat(1, 10**30))
attempt('array pop huge', lambda: array.array('i', [1]).pop(10**30))
attempt('deque getitem huge', lambda: deque([1])[10**30])
attempt('deque mul neg', lambda: deque([1, 2]) * -5)
attempt('array mul neg', lambda: array.array('i', [1]) * -5)
attempt('perm huge r', lambda: it.permutations([1], 10**30))
attempt('comb huge r', lambda: it.combinations([1], 10**10))
attempt('batched huge', lambda: list(it.batched([1, 2], 10**10)))
attempt('product many', lambda: len(list(it.product([1], repeat=100000))))
g = it.groupby([1, 1, 2])
k, grp = next(g)
del g
attempt('orphan grouper', lambda: list(grp))
a, b = it.tee(iter([1, 2]))
def reenter():
    class R:
        def __iter__(self): return self
        def __next__(self): return next(x)
    global x
    x, y = it.tee(R())
    return next(x)
attempt('tee reenter', reenter)
c = it.cycle([]); attempt('cycle empty', lambda: next(c))
d = deque(); d.append(d); attempt('self extend', lambda: d.extend(d))
o = OrderedDict(); o['a'] = o; attempt('od self copy', lambda: o.copy())
gc.collect()
print('done')
