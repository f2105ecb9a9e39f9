# Counter is a Python class deriving from dict: its instances carry the
# managed-dict pre-header, and it stores counts through dict's own slots.
import sys, gc
from collections import Counter
c = Counter()
print(sys.getsizeof(c), sys.getsizeof({}), gc.is_tracked(c))
for word in 'the cat and the hat and the bat'.split():
    c[word] += 1
print(c, sys.getsizeof(c), sys.getsizeof(dict(c)))
print(c.most_common(2), c['dog'], 'dog' in c, len(c))
del c['dog']; del c['the']; print(c)
c.attr = 1; print(c.attr, vars(c))
inventory = Counter(apples=3, pears=0)
inventory.update(apples=-3, kiwis=2)
print(inventory, +inventory, inventory.total())
print(Counter('abc') < Counter('abcd'), Counter('ab') <= Counter('ab'), Counter('abc') > Counter('ab'))
print(Counter({'a': 2, 'b': -1}) | Counter({'b': 1}), Counter('aab') & Counter('abb'))
print(sorted(Counter('banana').elements()), list(Counter(x=2, y=1).elements()))
print(Counter([1, 1, 2]).most_common(0), Counter([1, 1, 2]).most_common(-1), Counter('zzab').most_common(10))
print(repr(Counter({'a': 'x', 'b': 1})) if False else Counter(a=1.5, b=2))
