# Each generator keeps the exception its paused frame handles (gi_exc_state):
# the caller's handled exception and __context__ are not affected by it.
def g():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
        raise
it = g()
next(it)
try:
    raise KeyError("outer")
except KeyError as e:
    print(repr(e.__context__))
try:
    next(it)
except ValueError as e:
    print("reraised", repr(e), repr(e.__context__))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", a[0])
def g2():
    with CM():
        yield 1
        yield 2
for x in g2():
    if x == 1:
        break
print("after break")
import sys
def g():
    print("in gen, handled:", repr(sys.exception()))
    try:
        raise ValueError("inner")
    except ValueError:
        print("gen handles", repr(sys.exception()))
        yield 1
        print("gen resumed, still handles", repr(sys.exception()))
        yield 2
    print("gen after except", repr(sys.exception()))
    yield 3

it = g()
try:
    raise KeyError("outer")
except KeyError:
    print(next(it))
    print("caller handles", repr(sys.exception()))
print("caller, none:", repr(sys.exception()))
print(next(it))
print(next(it))
try:
    raise TypeError("t")
except TypeError:
    try:
        next(it)
    except StopIteration:
        print("stop; handled", repr(sys.exception()))

def reraiser():
    try:
        yield
    except ZeroDivisionError:
        raise
r = reraiser()
next(r)
try:
    r.throw(ZeroDivisionError("z"))
except ZeroDivisionError as e:
    print("rethrown", repr(e), repr(e.__context__))

def chain():
    yield
    raise RuntimeError("in gen")
c = chain()
next(c)
try:
    raise OSError if False else NameError("caller")
except NameError:
    try:
        next(c)
    except RuntimeError as e:
        print("context from caller:", repr(e.__context__))
