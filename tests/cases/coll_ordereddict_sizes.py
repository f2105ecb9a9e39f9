# OrderedDict: 112 bytes, plus the dict's table, plus od_fast_nodes (8 bytes
# per slot of the table) and one 32-byte node per key.
import sys
from collections import OrderedDict
od = OrderedDict()
d = {}
print('empty', sys.getsizeof(od), sys.getsizeof(d))
for i in range(25):
    od[i] = i
    d[i] = i
    if i in (0, 4, 5, 10, 11, 21, 22, 24):
        print(i + 1, sys.getsizeof(od), sys.getsizeof(d))
od.move_to_end(3); od.move_to_end(20, last=False)
print('moved', sys.getsizeof(od))
for i in range(20):
    od.popitem(last=i % 2 == 0)
print('popped', len(od), sys.getsizeof(od))
od.clear(); print('cleared', sys.getsizeof(od))
od['a'] = 1; print('one', sys.getsizeof(od))
s = OrderedDict.fromkeys('abc') if False else OrderedDict([(c, None) for c in 'abc'])
print(sys.getsizeof(s), sys.getsizeof(s.copy()), sys.getsizeof(OrderedDict(s)), s.__sizeof__())
