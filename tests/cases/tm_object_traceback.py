# get_object_traceback(): where an object's memory block was allocated.
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a",)


def where(obj):
    tb = tracemalloc.get_object_traceback(obj)
    return None if tb is None else tb[0].lineno


# Use up the lists CPython's start-up left on its free list, so that the
# list below is newly allocated in both.
spares = [[] for _ in range(100)]
before = Point(0, 0)
tracemalloc.start()
p = Point(1, 2)
s = Slotted()
lst = [1, 2, 3]
d = {"k": 1}
big = 10 ** 30
text = "abc" * 10
f = lambda: 0
print(where(p), where(s), where(lst), where(d), where(big), where(text), where(f))
print(where(before), where(None), where(5), where(""), where(Point), where(print))
print(type(tracemalloc.get_object_traceback(p)).__name__)
tracemalloc.stop()
print(where(p))
