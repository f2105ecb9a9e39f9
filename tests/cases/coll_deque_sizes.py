# sys.getsizeof of deques: 216 bytes + 16 (GC header) + one 528-byte block
# per 64 slots in use, counted from leftindex as 3.12's deque_sizeof does.
import sys
from collections import deque

def sizes(d):
    return sys.getsizeof(d)

d = deque()
print('empty', sizes(d))
seen = []
for i in range(200):
    d.append(i)
    s = sizes(d)
    if not seen or seen[-1][1] != s:
        seen.append((len(d), s))
print('append growth', seen)
seen = []
for i in range(200):
    d.popleft()
    s = sizes(d)
    if not seen or seen[-1][1] != s:
        seen.append((len(d), s))
print('popleft shrink', seen)
d = deque()
seen = []
for i in range(150):
    d.appendleft(i)
    s = sizes(d)
    if not seen or seen[-1][1] != s:
        seen.append((len(d), s))
print('appendleft growth', seen)
for n in (0, 1, 63, 64, 127, 128, 1000):
    print(n, sizes(deque(range(n))), sizes(deque(list(range(n)))), end=' | ')
print()
d = deque(); d.extendleft(range(100)); print('extendleft', sizes(d))
d = deque(range(10)); d.extend(range(100)); print('extend after', sizes(d))
d = deque(range(300)); d.clear(); print('cleared', sizes(d), len(d))
d = deque(range(300)); print('copy', sizes(d.copy()), sizes(d + d), sizes(d * 2))
d = deque([7]); d *= 100; print('repeat one', sizes(d), len(d))
d = deque(range(1000), maxlen=100); print('maxlen', sizes(d), len(d))
d = deque(range(64)); d.rotate(1); print('rotated', sizes(d)); d.rotate(-2); print(sizes(d))
print(d.__sizeof__(), sys.getsizeof(d) - d.__sizeof__())
