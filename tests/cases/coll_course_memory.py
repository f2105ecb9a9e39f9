# Course-style memory comparisons across container choices.
import sys, gc
from collections import namedtuple, Counter, defaultdict, deque, OrderedDict
import array
Point = namedtuple('Point', 'x y')
class PointClass:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class PointSlots:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
print('namedtuple', sys.getsizeof(Point(1, 2)))
print('tuple', sys.getsizeof((1, 2)))
print('dict', sys.getsizeof({'x': 1, 'y': 2}))
print('class', sys.getsizeof(PointClass(1, 2)))
print('slots', sys.getsizeof(PointSlots(1, 2)))
text = 'it was the best of times it was the worst of times'
words = text.split()
freq = Counter(words)
print(freq.most_common(3), sys.getsizeof(freq), sys.getsizeof(dict(freq)))
index = defaultdict(set)
for pos, w in enumerate(words):
    index[w].add(pos)
print(sorted(index['times']), len(index), sys.getsizeof(index))
window = deque(maxlen=3)
averages = []
for value in [10, 20, 30, 40, 50]:
    window.append(value)
    averages.append(sum(window) / len(window))
print(averages, sys.getsizeof(window))
ordered = OrderedDict(sorted(freq.items(), key=lambda kv: kv[1], reverse=True))
print(list(ordered)[:3], sys.getsizeof(ordered))
temps = array.array('d', [21.5, 22.0, 19.75])
print(temps, sum(temps) / len(temps), sys.getsizeof(temps), sys.getsizeof(list(temps)))
nested = defaultdict(lambda: defaultdict(int))
for a, b in [('x', 'y'), ('x', 'z'), ('x', 'y')]:
    nested[a][b] += 1
print({k: dict(v) for k, v in nested.items()})
print(gc.is_tracked(Point(1, 2)), gc.is_tracked(Point('a', 'b')), gc.is_tracked(freq), gc.is_tracked(temps))
p = Point(3, 4)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), p.x ** 2 + p.y ** 2)
