from contextlib import contextmanager, closing, ExitStack


def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator finalized")


gen = numbers()
c = closing(gen)
it = c.__enter__()
print(next(it), next(it))
c.__exit__(None, None, None)
print(list(gen))


@contextmanager
def level(name, depth):
    print("  " * depth + "enter " + name)
    try:
        yield depth + 1
    finally:
        print("  " * depth + "leave " + name)


stack = ExitStack()
d = stack.enter_context(level("outer", 0))
d = stack.enter_context(level("middle", d))
d = stack.enter_context(level("inner", d))
print("depth", d)
stack.close()


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except Exception as e:
        log.append("rollback " + type(e).__name__)
        raise
    else:
        log.append("commit")


log = []
cm = transaction(log)
cm.__enter__()
cm.__exit__(None, None, None)
cm = transaction(log)
cm.__enter__()
try:
    cm.__exit__(ZeroDivisionError, ZeroDivisionError("x"), None)
except ZeroDivisionError:
    log.append("reraised")
print(log)


@contextmanager
def value():
    yield 42


v = value()
print(v.__enter__(), v.__exit__(None, None, None))
try:
    v.__enter__()
except AttributeError as e:
    print("AttributeError: second use fails")
