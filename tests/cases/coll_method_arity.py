import array, itertools
from collections import deque, OrderedDict, defaultdict
a = array.array('i'); d = deque(); o = OrderedDict()
for f in [lambda: a.append(), lambda: a.pop(1, 2), lambda: a.tolist(1), lambda: a.insert(1), lambda: a.extend(), lambda: a.index(), lambda: d.pop(1), lambda: d.rotate(1, 2), lambda: d.insert(1), lambda: d.index(), lambda: d.extend(), lambda: d.clear(1), lambda: d.append(x=1),
          lambda: o.move_to_end(), lambda: o.popitem(1, 2), lambda: o.pop(), lambda: o.setdefault(), lambda: o.keys(1), lambda: o.update(1, 2), lambda: defaultdict().__missing__(), lambda: defaultdict().copy(1), lambda: OrderedDict(1, 2), lambda: d.__reversed__(1), lambda: a.frombytes(), lambda: a.fromlist(), lambda: a.remove(), lambda: a.count(), lambda: a.buffer_info(1), lambda: a.byteswap(1), lambda: a.tobytes(1), lambda: d.copy(1), lambda: d.count(1, 2), lambda: d.remove(), lambda: d.appendleft(), lambda: d.extendleft()]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
