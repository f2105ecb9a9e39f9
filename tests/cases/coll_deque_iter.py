# Deque iterators: forward and reverse types, their sizes, and staleness.
import sys, gc
from collections import deque
d = deque(range(130))
it = iter(d); rit = reversed(d)
print(type(it).__name__, type(rit).__name__, sys.getsizeof(it), sys.getsizeof(rit), gc.is_tracked(it))
print(next(it), next(rit), sum(it), sum(rit))
print(list(reversed(deque('abc'))), list(reversed(deque())), [x * 2 for x in deque([1, 2])])
it = iter(d)
next(it)
d[5] = 'changed'  # item assignment does not invalidate iterators
print(next(it), next(it))
d.append(1)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    next(it)
except StopIteration:
    print('then exhausted')
d = deque([1, 2, 3])
print(list(zip(d, reversed(d))), sorted(d, reverse=True), max(d), 2 in d, 5 not in d)
print(list(enumerate(deque('xy'))), tuple(deque('pq')), set(deque([1, 1, 2])))
print(list(map(str, deque([1, 2]))), ''.join(deque('join')), deque(deque([1, 2])))
