from contextlib import ExitStack, contextmanager


class Named:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


stack = ExitStack()
print(stack.__enter__() is stack)
print(stack.enter_context(Named("a")), stack.enter_context(Named("b")))
stack.callback(print, "callback", 1, sep="=")
stack.push(lambda *exc: print("pushed exit", exc[0]))
stack.__exit__(None, None, None)
print("after close")

stack = ExitStack()
stack.enter_context(Named("outer", swallow=True))
stack.enter_context(Named("inner"))
print("suppressed:", stack.__exit__(KeyError, KeyError("x"), None))

stack = ExitStack()
stack.enter_context(Named("kept"))
moved = stack.pop_all()
stack.close()
print("nothing closed yet")
moved.close()


def fail_cb(msg):
    raise ValueError(msg)


stack = ExitStack()
stack.callback(fail_cb, "first")
stack.callback(fail_cb, "second")
try:
    stack.close()
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)


@contextmanager
def resource(name):
    print("open", name)
    yield name
    print("close", name)


stack = ExitStack()
names = [stack.enter_context(resource(n)) for n in ("x", "y", "z")]
print(names)
stack.close()
print(stack.callback(len) is len)
