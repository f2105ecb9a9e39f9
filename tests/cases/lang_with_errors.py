# Objects that are not context managers, and exceptions raised by
# __enter__ and __exit__ themselves.
import sys


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


for obj in (1, "s", None, [1], NoExit(), NoEnter()):
    try:
        with obj:
            print("never")
    except TypeError as e:
        print("TypeError:", e)


class EnterFails:
    def __enter__(self):
        raise ValueError("enter failed")

    def __exit__(self, *a):
        print("exit is not called")


try:
    with EnterFails():
        print("never")
except ValueError as e:
    print("caught", e)


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise RuntimeError("exit failed with %s" % (exc_type.__name__ if exc_type else None))


try:
    with ExitFails():
        pass
except RuntimeError as e:
    print("caught", e, e.__context__)

try:
    with ExitFails():
        raise KeyError("original")
except RuntimeError as e:
    print("caught", e, "context:", repr(e.__context__))


class ExitArgs:
    def __enter__(self):
        return self

    def __exit__(self):
        return True


try:
    with ExitArgs():
        pass
except TypeError as e:
    print("TypeError:", e)


# __enter__ and __exit__ are looked up on the type, not the instance.
class Plain:
    pass


p = Plain()
p.__enter__ = lambda: None
p.__exit__ = lambda *a: None
try:
    with p:
        pass
except TypeError as e:
    print("TypeError:", e)


class Outer:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("outer exit sees", exc_type.__name__)
        return False


def chain():
    with Outer():
        with ExitFails():
            raise KeyError("first")


chain()
