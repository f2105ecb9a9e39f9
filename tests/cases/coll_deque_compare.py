# Comparisons of deques go item by item, like lists.
from collections import deque
a = deque([1, 2, 3]); b = deque([1, 2, 4]); c = deque([1, 2])
print(a == a, a == deque([1, 2, 3]), a != b, a < b, b > a, c < a, a <= a, a >= c, c > a)
print(deque() == deque(), deque() < deque([0]), deque([[1]]) == deque([[1]]))
print(deque([1, 2], maxlen=5) == deque([1, 2]), deque('ab') == deque(['a', 'b']))
print(deque([1.0]) == deque([1]), deque([float('nan')]) == deque([float('nan')]))
n = float('nan'); print(deque([n]) == deque([n]))
print(a == [1, 2, 3], a != (1, 2, 3))
try:
    print(deque([1]) < deque(['a']))
except TypeError as e:
    print('TypeError:', e)
print(sorted([deque([3]), deque([1, 2]), deque([1])]))
print(bool(deque()), bool(deque([0])), len(deque(range(7))))
