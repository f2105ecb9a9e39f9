from contextlib import ExitStack, suppress


class Res:
    def __init__(self, name, fail_on_exit=False, swallow=False):
        self.name = name
        self.fail_on_exit = fail_on_exit
        self.swallow = swallow

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, "with", repr(exc))
        if self.fail_on_exit:
            raise RuntimeError("close failed: " + self.name)
        return self.swallow


stack = ExitStack()
stack.enter_context(Res("a"))
stack.enter_context(Res("b", fail_on_exit=True))
stack.enter_context(Res("c"))
try:
    stack.__exit__(ValueError, ValueError("body"), None)
except RuntimeError as e:
    print("raised:", e, "| context:", repr(e.__context__))

stack = ExitStack()
stack.enter_context(Res("x", fail_on_exit=True))
stack.enter_context(Res("y", swallow=True))
try:
    stack.__exit__(KeyError, KeyError("k"), None)
except RuntimeError as e:
    print("raised:", e, "| context:", repr(e.__context__))

stack = ExitStack()
stack.enter_context(suppress(RuntimeError))
stack.enter_context(Res("z", fail_on_exit=True))
print("suppressed:", stack.__exit__(None, None, None))

log = []
with_stack = ExitStack()
for i in range(3):
    with_stack.callback(log.append, i)
with_stack.close()
print(log)
stack = ExitStack()
stack.push(Res("pushed"))
stack.close()


def exit_fn(exc_type, exc, tb):
    print("exit_fn saw", exc_type)
    return True


stack = ExitStack()
stack.push(exit_fn)
print(stack.__exit__(IndexError, IndexError(), None))
