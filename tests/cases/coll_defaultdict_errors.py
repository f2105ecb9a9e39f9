from collections import defaultdict
def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
attempt('not callable', lambda: defaultdict(5))
attempt('str factory', lambda: defaultdict('list'))
attempt('too many', lambda: defaultdict(list, {}, {}))
attempt('bad update', lambda: defaultdict(list, 5))
attempt('bad pairs', lambda: defaultdict(list, [(1, 2, 3)]))
def raising():
    raise ValueError('factory failed')
d = defaultdict(raising)
attempt('factory raises', lambda: d['k'])
print(len(d))
attempt('unhashable key', lambda: defaultdict(list)[[1]])
attempt('no attr', lambda: defaultdict(list).nothing)
def set_attr():
    defaultdict(list).other = 1
attempt('set attr', set_attr)
attempt('missing arity', lambda: defaultdict(list).__missing__())
attempt('hash', lambda: hash(defaultdict()))
