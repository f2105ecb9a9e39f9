from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext
import sys


@contextmanager
def opened(name, log):
    log.append("open " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + repr(e))
    finally:
        log.append("close " + name)


log = []
with opened("a", log) as handle:
    log.append("using " + handle)
with opened("b", log):
    raise KeyError("swallowed by the generator")
try:
    with opened("c", log):
        raise ValueError("passes through")
except ValueError as e:
    log.append("caught " + repr(e))
print(log)

with suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("after suppress", sys.exception())

with ExitStack() as stack:
    names = [stack.enter_context(opened(n, log)) for n in ("x", "y")]
    stack.callback(print, "callback runs first")
    print(names)
print(log[-3:])


class Resource:
    def close(self):
        print("resource closed")


with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(5) as five:
    print(five)


@contextmanager
def timer_like():
    yield
    print("exit ran")


@timer_like()
def decorated(x):
    return x * 2


print(decorated(21))


@contextmanager
def broken():
    yield
    yield


try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


def uses_return():
    with opened("r", log):
        return "returned"


print(uses_return(), log[-1])
for i in range(3):
    with opened(str(i), log):
        if i == 1:
            continue
        if i == 2:
            break
print(log[-4:])
