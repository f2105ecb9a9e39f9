import sys, gc
from collections import Counter
c = Counter("mississippi"); print(c, c.most_common(2), c.most_common(), c['z'], c.total(), sorted(c.elements()))
c.update("ssx"); c.subtract({'i': 10}); print(c, +c, -c)
d = Counter(a=3, b=1) ; e = Counter(a=1, b=2)
print(d + e, d - e, d | e, d & e, d == Counter(b=1, a=3), d != e, Counter() == Counter(a=0))
d += e; print(d); d -= Counter(a=10); print(d)
print(Counter(['a', 'b', 'a']).most_common(1), Counter({'x': 2}), Counter(), len(Counter('abc')), list(Counter('abca')))
c2 = c.copy(); print(type(c2).__name__, c2 == c)
try: Counter.fromkeys('ab')
except NotImplementedError as e: print(e)
