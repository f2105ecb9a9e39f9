import gc, itertools as it
from collections import deque, OrderedDict, defaultdict
gc.collect()
class N:
    pass
def cyc(make):
    n = N()
    n.c = make(n)
    del n
    return gc.collect()
print('deque', cyc(lambda n: deque([n])))
print('deque maxlen', cyc(lambda n: deque([n, 1, 2], maxlen=2)))
print('od', cyc(lambda n: OrderedDict(a=n)))
print('dd', cyc(lambda n: defaultdict(list, a=n)))
print('dd factory', cyc(lambda n: defaultdict(lambda: n)))
print('cycle', cyc(lambda n: it.cycle([n])))
print('chain', cyc(lambda n: it.chain([n])))
print('repeat', cyc(lambda n: it.repeat(n)))
print('islice', cyc(lambda n: it.islice([n], 1)))
print('groupby', cyc(lambda n: it.groupby([n])))
print('tee', cyc(lambda n: it.tee([n])))
print('product', cyc(lambda n: it.product([n])))
print('zip_longest', cyc(lambda n: it.zip_longest([n])))
print('accumulate', cyc(lambda n: it.accumulate([n])))
print('deque iter', cyc(lambda n: iter(deque([n]))))
print('od values', cyc(lambda n: OrderedDict(a=n).values()))
print('od iter', cyc(lambda n: iter(OrderedDict(a=n).items())))
d = deque(); d.append(d); del d; print('self deque', gc.collect())
o = OrderedDict(); o['x'] = o; del o; print('self od', gc.collect())
