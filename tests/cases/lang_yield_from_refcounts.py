# References while values pass through yield from: SEND moves the sent value
# into the subgenerator's frame, as CPython 3.12 does.
import sys
def sub():
    x = yield
    print("in sub", sys.getrefcount(x))
    y = yield
    return y
def d():
    r = yield from sub()
    print("returned", sys.getrefcount(r))
g = d()
next(g)
obj = object()
g.send(obj)
print("caller", sys.getrefcount(obj))
try:
    g.send(obj)
except StopIteration:
    pass
print("after", sys.getrefcount(obj))
