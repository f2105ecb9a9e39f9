# Class(...) runs a Python __init__ in a frame of its own (its result must be
# None; the instance is Class(...)'s value): argument errors, failures,
# super().__init__, a custom __new__, deep recursion through constructors.
import sys
class P:
    def __init__(self, x, y=0, *, z=1):
        self.x = x
        print("init refs", sys.getrefcount(self))
    def __repr__(self):
        return f"P({self.x})"
p = P(1)
print(p, sys.getrefcount(p))
for bad in (lambda: P(), lambda: P(1, 2, 3), lambda: P(1, q=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class R:
    def __init__(self):
        return 5
try:
    R()
except TypeError as e:
    print("TypeError:", e)
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print("TypeError:", e)
class Fails:
    def __init__(self):
        raise ValueError("nope")
    def __del__(self):
        print("Fails deleted")
try:
    Fails()
except ValueError as e:
    print("ValueError:", e)
class Child(P):
    def __init__(self, x):
        super().__init__(x * 10)
        self.extra = True
c = Child(2)
print(c, c.extra)
class NoInit:
    pass
print(type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
class New:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, v):
        print("init", v)
New(3)
def deep(n):
    class Node:
        def __init__(self, k):
            self.child = Node(k - 1) if k else None
    return Node(n)
try:
    deep(2000)
except RecursionError as e:
    print("RecursionError")
print(deep(300) is not None)
Fails_ = None
