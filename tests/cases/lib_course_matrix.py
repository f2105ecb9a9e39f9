import sys
import weakref
import gc
from functools import lru_cache, partial, wraps, cached_property
from contextlib import ExitStack, suppress


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    @cached_property
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    @lru_cache(maxsize=32)
    def get(self, i, j):
        return self.rows[i][j]

    def __repr__(self):
        return "Matrix(%r)" % self.rows


m = Matrix([[1, 2], [3, 4]])
print(m.transpose, m.get(0, 1), m.get(0, 1), Matrix.get.cache_info())
r = weakref.ref(m)
print(sys.getrefcount(m))
del m
gc.collect()
print("alive through the cache:", r() is not None)
Matrix.get.cache_clear()
gc.collect()
print("alive after clear:", r() is not None)


def log_calls(func):
    calls = []

    @wraps(func)
    def wrapper(*a):
        calls.append(a)
        return func(*a)
    wrapper.calls = calls
    return wrapper


@log_calls
def add(a, b):
    return a + b


add3 = partial(add, 3)
print(add3(4), add(1, 2), add.calls, add3.func is add)
with ExitStack() as stack:
    stack.callback(print, "cleanup 1")
    stack.callback(print, "cleanup 2")
    with suppress(KeyError):
        {}["x"]
    print("body done")
