import functools


def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("call", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper


@trace
def greet(name, punctuation="!"):
    """Say hello."""
    return "hello " + name + punctuation


greet.extra = 1
print(greet("ann"), greet("bob", punctuation="?"))
print(greet.__name__, greet.__qualname__, greet.__doc__, greet.__module__)
print(greet.__wrapped__.__name__, greet.__wrapped__("raw"))
print(greet.__dict__.keys())


def source():
    "source doc"


source.attr = "copied"
source.__wrapped__ = "old"


def target():
    pass


functools.update_wrapper(target, source)
print(target.__name__, target.__doc__, target.attr, target.__wrapped__ is source)

def bare():
    pass


functools.update_wrapper(bare, source, assigned=("__doc__",), updated=())
print(bare.__name__, bare.__doc__, hasattr(bare, "attr"))


class Outer:
    def method(self):
        "m doc"

    @trace
    def traced(self, x):
        return x + 1


print(Outer.method.__qualname__, Outer.traced.__qualname__)
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)


def counted(func):
    @functools.wraps(func)
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper


@counted
def double(x):
    return 2 * x


for i in range(4):
    double(i)
print(double.calls, double.__name__)


def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate


@repeat(3)
def ping():
    return "ping"


print(ping(), ping.__name__)
