# A deque holds one reference per item; pops hand the reference back.
import sys
from collections import deque
x = object()
base = sys.getrefcount(x)
d = deque()
for i in range(100):
    d.append(x)
print(sys.getrefcount(x) - base)
d.rotate(33); print(sys.getrefcount(x) - base)
y = d.pop(); print(sys.getrefcount(x) - base)
del y; print(sys.getrefcount(x) - base)
c = d.copy(); print(sys.getrefcount(x) - base)
del c; print(sys.getrefcount(x) - base)
d.remove(x); d.insert(50, x); del d[10]; print(sys.getrefcount(x) - base, len(d))
it = iter(d); print(sys.getrefcount(d))
del it; print(sys.getrefcount(d))
d.clear(); print(sys.getrefcount(x) - base)
d = deque([x] * 10, maxlen=5); print(sys.getrefcount(x) - base)
del d; print(sys.getrefcount(x) - base)
s = ''.join(['a', 'b'])
d = deque([s]); print(sys.getrefcount(s)); d.extend(d); print(sys.getrefcount(s), d)
