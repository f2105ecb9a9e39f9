# yield from: values in and out, send/throw/close delegating through it,
# the subgenerator's return value, StopIteration and gi_yieldfrom.
def sub(n):
    for i in range(n):
        got = yield i
        print("sub got", got)
    return "sub done %d" % n

def outer():
    r = yield from sub(2)
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    return "outer done"

print(list(outer()))
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    print(g.send("c"))
except AttributeError as e:
    print("AttributeError:", e)
g = outer()
for v in (None, "a", "b", None, None):
    try:
        print(g.send(v))
    except StopIteration as e:
        print("stop", e.value)

def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught in sub", e)
        yield 2
    return "r"

def deleg():
    x = yield from catcher()
    print("deleg got", x)
    yield 3

d = deleg()
print(next(d))
print(d.throw(ValueError("boom")))
print(next(d))
d2 = deleg()
next(d2)
try:
    d2.throw(KeyError("k"))
except KeyError as e:
    print("escaped", repr(e))
print(d2.gi_yieldfrom)

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

f = fin()
next(f)
f.close()
print("closed")
f2 = fin()
next(f2)
del f2
print("deleted")
def wrap():
    yield from fin()
w = wrap()
next(w)
print(type(w.gi_yieldfrom).__name__)
w.close()
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def stopper():
    raise StopIteration("x")
    yield
try:
    next(stopper())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)
print(list(tree(3)))
g = fin()
print(g.throw(ValueError) if False else "skip")
try:
    g.throw(ValueError("unstarted"))
except ValueError as e:
    print("unstarted", e)
print(next(g, "exhausted"))
