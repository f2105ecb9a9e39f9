from contextlib import contextmanager


@contextmanager
def guard(name):
    print("enter", name)
    try:
        yield
    finally:
        print("exit", name)


def work():
    with guard("outer"):
        with guard("inner"):
            return {}["missing"]


work()
