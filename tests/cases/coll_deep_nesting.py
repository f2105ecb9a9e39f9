from collections import deque, OrderedDict, defaultdict
import itertools as it
d = deque()
for i in range(20000):
    d = deque([d])
del d
print('freed deep deque')
c = it.chain()
for i in range(20000):
    c = it.chain(c)
del c
print('freed deep chain')
l = []
for i in range(20000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print('list RecursionError')
d = deque()
for i in range(20000):
    d = deque([d])
try:
    repr(d)
except RecursionError as e:
    print('deque RecursionError')
def nest(n):
    l = []
    for i in range(n):
        l = [l]
    return l
for n in (1496, 1497):
    try:
        print(n, len(repr(nest(n))))
    except RecursionError as e:
        print(n, e)
import itertools as it
a, b = it.tee(range(1000000))
for x in a:
    pass
del a, b
print('long tee freed')
