import sys, gc
from collections import deque
q = deque()
for i in range(5):
    q.appendleft(i)
print(q, q.popleft(), q.pop(), len(q))
bounded = deque(maxlen=3)
for i in range(10):
    bounded.append(i)
print(list(bounded), bounded)
print(sys.getsizeof(deque()), sys.getsizeof(deque(range(64))), sys.getsizeof(deque(range(65))), sys.getsizeof(deque(range(200))))
d = deque()
s = []
for i in range(300):
    d.append(i); s.append(sys.getsizeof(d))
print(sorted(set(s)))
for i in range(300):
    d.popleft(); s.append(sys.getsizeof(d))
print(s[-5:])
d = deque(range(10))
d.rotate(3); print(d, sys.getsizeof(d))
d.rotate(-5); print(d)
d.rotate(100); print(d)
d = deque(range(200)); d.rotate(70); print(sys.getsizeof(d), d[0], d[-1], d[100])
d.insert(5, 'x'); print(d[3:4] if False else d[5], len(d), sys.getsizeof(d))
del d[5]; print(d[5]); d.remove(0); print(d.index(1), d.count(2), 3 in d, -1 in d)
d2 = deque([1,2,3]); d2.reverse(); print(d2, d2 == deque([3,2,1]), d2 < deque([3,2,2]), d2 + deque([9]), d2 * 2)
d2 += [7]; print(d2, d2.copy(), deque('ab', 5))
print(gc.is_tracked(d2), sys.getrefcount(d2))
try:
    for x in d2: d2.append(1)
except RuntimeError as e: print(e)
try: deque().pop()
except IndexError as e: print(e)
try: d2[10]
except IndexError as e: print(e)
try: d2['a']
except TypeError as e: print(e)
try: d2.index(99)
except ValueError as e: print(e)
try: d2.remove(99)
except ValueError as e: print(e)
try: hash(d2)
except TypeError as e: print(e)
try: deque(maxlen=-1)
except ValueError as e: print(e)
print(list(reversed(deque([1,2,3]))), type(iter(d2)), type(reversed(d2)))
import weakref
r = weakref.ref(d2); print(r() is d2)
d = deque([1]); d.append(d); print(d)
print(deque([1,2,3], maxlen=2).maxlen, deque().maxlen)
d = deque([1,2,3]); d.extendleft([4,5]); print(d); d.clear(); print(d, sys.getsizeof(d))
