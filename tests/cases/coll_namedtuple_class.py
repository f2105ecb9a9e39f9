import sys, gc
from collections import namedtuple, Counter
P = namedtuple('P', 'x y')
print(P, P.__module__, P.__name__, P.__qualname__, P.__doc__, P.x, P.__mro__)
p = P(1, 2)
print(sys.getsizeof(p), sys.getsizeof(P(1, 2)) == sys.getsizeof((1, 2)), gc.is_tracked(p), P.__slots__)
try:
    p.z = 1
except AttributeError as e:
    print('AttributeError:', e)
print(P._make(range(2)), P.__new__.__doc__, P._replace.__doc__)
c = Counter('hello')
print(type(c), sys.getsizeof(c), gc.is_tracked(c), c.__class__.__name__, Counter.__mro__)
print(P.__match_args__, p._field_defaults, p.__getnewargs__())
M = namedtuple('M', 'a', module='mymod'); print(M)
