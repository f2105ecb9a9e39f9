# __missing__ calls default_factory and stores what it returns.
import sys
from collections import defaultdict
def tree():
    return defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
t['a']['x'] = 2
def plain(node):
    return {k: plain(v) if isinstance(v, defaultdict) else v for k, v in node.items()}
print(plain(t))
calls = []
def factory():
    calls.append(1)
    return len(calls)
d = defaultdict(factory)
print(d['p'], d['q'], d['p'], calls, dict(d))
print(d.get('missing'), 'missing' in d, len(d))
print(d.setdefault('r', 'set'), d.pop('r'), d.pop('nope', 'dflt'))
d.update({'u': 0}, v=1); print(sorted(d))
del d['u']; print(sorted(d))
print(d == {'p': 1, 'q': 2, 'v': 1}, d != {}, defaultdict(int) == defaultdict(list))
c = d.copy(); print(type(c).__name__, c.default_factory is factory, c == d, c is not d)
dd = defaultdict(list)
print(repr(dd), repr(defaultdict(None)), repr(defaultdict(dict, {1: 2})), repr(defaultdict(int, {'k': [1]})))
dd.default_factory = int; print(dd['z'], dd)
dd.default_factory = None
try:
    dd['w']
except KeyError as e:
    print('KeyError', e)
print(isinstance(dd, dict), type(dd), defaultdict.__name__)
print(dd.__missing__('made') if dd.default_factory else 'no factory')
counts = defaultdict(int)
for ch in 'abracadabra':
    counts[ch] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
x = object(); base = sys.getrefcount(x)
f = defaultdict(lambda: x)
for i in range(5):
    f[i]
print(sys.getrefcount(x) - base)
f.clear(); print(sys.getrefcount(x) - base)
