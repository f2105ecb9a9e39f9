# Bounded deques drop items from the other end.
from collections import deque
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(list(d), end=' ')
print()
d.appendleft(-1); print(d)
d.extend([10, 11]); print(d)
d.extendleft([20, 21]); print(d)
print(d.maxlen, deque().maxlen, deque([], None).maxlen, deque('abc', maxlen=0))
z = deque(maxlen=0); z.append(1); z.extend(range(5)); z.appendleft(2); print(z, len(z))
full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 9)
except IndexError as e:
    print('IndexError:', e)
d = deque([1, 2, 3], 5); d.insert(1, 'x'); print(d)
d = deque('abcdef', 4); print(d, d * 3, deque('ab', 3) * 2)
d2 = deque([1], maxlen=3); d2 *= 5; print(d2)
d3 = deque([1, 2], maxlen=3); d3 += [3, 4, 5]; print(d3)
print(d3.copy(), d3.copy().maxlen, (d3 + deque([9])).maxlen)
try:
    d3.maxlen = 10
except AttributeError as e:
    print('AttributeError:', e)
for bad in (-1, 'x', 2.5):
    try:
        deque([], bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
