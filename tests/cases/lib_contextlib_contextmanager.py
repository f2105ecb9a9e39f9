from contextlib import contextmanager


@contextmanager
def tag(name):
    """Wrap output in a tag."""
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


cm = tag("p")
print(type(cm).__name__, tag.__name__, tag.__doc__, cm.__doc__)
value = cm.__enter__()
print("inside", value)
print("exit returns", cm.__exit__(None, None, None))

# An exception inside the block is thrown into the generator at its yield.
cm = tag("div")
cm.__enter__()
err = ValueError("bad")
try:
    cm.__exit__(ValueError, err, None)
    print("exit returned")
except ValueError as e:
    print("propagated", e, e is err)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("handled", repr(e))


cm = swallow()
cm.__enter__()
print("suppressed:", cm.__exit__(KeyError, KeyError("k"), None))
cm = swallow()
cm.__enter__()
print("not raised:", cm.__exit__(None, None, None))


@contextmanager
def two_yields():
    yield 1
    yield 2


cm = two_yields()
cm.__enter__()
try:
    cm.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    no_yield().__enter__()
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def keeps_yielding():
    while True:
        try:
            yield
        except Exception:
            pass


cm = keeps_yielding()
cm.__enter__()
try:
    cm.__exit__(TypeError, TypeError("t"), None)
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def converts():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("converted") from e


cm = converts()
cm.__enter__()
try:
    cm.__exit__(ZeroDivisionError, ZeroDivisionError("zero"), None)
except ArithmeticError as e:
    print("ArithmeticError:", e, "from", repr(e.__cause__))


@contextmanager
def counted(log):
    log.append("enter")
    yield
    log.append("exit")


log = []


@counted(log)
def work(x):
    log.append("work %d" % x)
    return x * 2


print(work(1), work(2), log)
print(work.__name__)
