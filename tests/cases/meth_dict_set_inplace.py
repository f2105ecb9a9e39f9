from collections import OrderedDict, defaultdict
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: OrderedDict(a=1) | {'b': 2})
t(lambda: {'b': 2} | OrderedDict(a=1))
def f():
    o = OrderedDict(a=1); p = o; o |= {'c': 3}; o |= [('d', 4)]; return o is p, o, list(reversed(o))
t(f)
t(lambda: defaultdict(list, a=[1]) | {'b': [2]})
t(lambda: {'b': 2} | defaultdict(int))
def f():
    d = defaultdict(int); e = d; d |= {'x': 1}; d['y'] += 1; return d is e, d
t(f)
class D(dict): pass
t(lambda: D(a=1) | {'b': 2})
t(lambda: type(D(a=1) | {'b': 2}))
def f():
    x = D(a=1); y = x; x |= {'b': 2}; return x is y, type(x), x
t(f)
class S(set): pass
def f():
    x = S({1}); y = x; x |= {2}; x -= {1}; return x is y, type(x), x
t(f)
t(lambda: [].pop(index=1))
t(lambda: "a".center(1, 2))
t(lambda: [].insert(1))
t(lambda: (1,2).index())
t(lambda: (1,2).count())
t(lambda: [].clear(1))
