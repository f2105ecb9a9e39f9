import sys, gc
from collections import namedtuple, Counter
Point = namedtuple("Point", ["x", "y"])
pt = Point(1, 2)
print(pt, pt.x + pt.y, pt._asdict(), pt._fields, Point._fields, pt[0], len(pt), tuple(pt), pt == (1, 2))
print(Point._make([3, 4]), pt._replace(y=9), Point(y=5, x=6), type(pt).__name__, isinstance(pt, tuple))
print(sys.getsizeof(pt), gc.is_tracked(pt), hash(pt) == hash((1, 2)))
P3 = namedtuple('P3', 'a b c', defaults=[0, 1]); print(P3(5), P3._field_defaults, P3(1, 2, 3))
R = namedtuple('R', ['def', 'x', '_y', 'x'], rename=True); print(R._fields)
Single = namedtuple('Single', 'only'); print(Single(1))
for bad in [lambda: namedtuple('1x', 'a'), lambda: namedtuple('X', 'a a'), lambda: namedtuple('X', '_a'), lambda: namedtuple('X', 'class'), lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point._make([1]), lambda: pt._replace(z=1), lambda: setattr(pt, 'x', 5)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
