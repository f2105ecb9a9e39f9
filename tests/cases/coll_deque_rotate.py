# rotate, insert and del in the middle move items block-wise; the contents
# and the sizes stay what CPython shows.
import sys
from collections import deque
d = deque(range(10))
for n in (1, -1, 3, -7, 10, 25, -25, 0):
    d.rotate(n)
    print(n, list(d))
big = deque(range(300))
for n in (70, -130, 64, -64, 1000, 151):
    big.rotate(n)
    print(n, big[0], big[-1], big[150], sys.getsizeof(big))
big.insert(100, 'x'); print(big.index('x'), len(big), sys.getsizeof(big))
del big[200]; print(len(big), big[200], sys.getsizeof(big))
big.insert(-1, 'y'); big.insert(-1000, 'z'); big.insert(1000, 'w'); print(big[0], big[-1], big[-2], len(big))
small = deque('ab'); small.rotate(); print(small); small.rotate(5); print(small)
one = deque([1]); one.rotate(10); print(one)
d = deque(range(5)); d.reverse(); print(d); d = deque(range(130)); d.reverse(); print(d[0], d[64], d[-1])
q = deque(range(6))
q.remove(3); print(q); q.remove(0); print(q); q.remove(5); print(q)
