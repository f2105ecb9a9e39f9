# Exceptions inside with blocks: __exit__ receives (type, value, traceback)
# and suppresses the exception when it returns a true value.


class CM:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), type(tb).__name__)
        return self.suppress


with CM("swallow", True):
    raise KeyError("k")
print("after swallow")

try:
    with CM("propagate", False):
        raise ValueError("boom")
except ValueError as e:
    print("caught", repr(e))

try:
    with CM("outer", False):
        with CM("inner", False):
            1 / 0
except ZeroDivisionError as e:
    print("caught", e)

with CM("outer", True):
    with CM("inner", False):
        [][0]
print("outer swallowed")

for suppress in (0, 1, "", "yes", None, [], [0]):
    try:
        with CM("truthiness %r" % (suppress,), suppress):
            raise RuntimeError(suppress)
        print("suppressed")
    except RuntimeError:
        print("raised")


class OnlyKeyError:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, KeyError)


for exc in (KeyError("a"), IndexError("b")):
    try:
        with OnlyKeyError():
            raise exc
        print("swallowed", type(exc).__name__)
    except Exception as e:
        print("escaped", type(e).__name__)



# An exception raised while __exit__ handles another has it as __context__.
class Replace:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise LookupError("replacement")


try:
    with Replace():
        raise TypeError("t")
except LookupError as e:
    print(repr(e), repr(e.__context__))
