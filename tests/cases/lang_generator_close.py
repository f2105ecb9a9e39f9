# Tracebacks through yield from, generators closed when dropped (finally
# blocks run, PEP 442), throw() arguments, and delegation chains.
import sys
import gc

def inner():
    yield 1
    raise ValueError("deep")

def middle():
    yield from inner()

def outer():
    yield from middle()

try:
    for v in outer():
        print(v)
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print("line", tb.tb_lineno)
        tb = tb.tb_next

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def holder():
    r = Res("held")
    try:
        yield r
    finally:
        print("finally sees", r.name)

g = holder()
x = next(g)
print(sys.getrefcount(x))
del x
print("dropping generator")
g = None
print("dropped")

def cyc():
    me = yield
    try:
        yield
    finally:
        print("cycle finally")

c = cyc()
next(c)
c.send(c)
del c
print("collect", gc.collect())

def gen_in_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a):
            print("exit", a[0])
    with CM():
        yield 1
w = gen_in_with()
next(w)
w.close()
w = gen_in_with()
next(w)
try:
    w.throw(KeyError("x"))
except KeyError as e:
    print("KeyError", e)
for bad in (1, "s", object):
    try:
        gen_in_with().throw(bad)
    except TypeError as e:
        print("TypeError:", e)

def counter():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

def averager():
    result = yield from counter()
    return result

a = averager()
next(a)
for n in (1, 2, 3):
    print(a.send(n))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
print(list(outer()), sum(outer()))
g = outer()
next(g)
print(g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_yieldfrom.__name__)
for _ in outer():
    pass
