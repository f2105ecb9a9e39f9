import sys

print(sys.exc_info(), sys.exception())
try:
    raise ValueError("first")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError:
        print(repr(sys.exception()), repr(sys.exception().__context__))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())


def helper():
    return sys.exception()


try:
    1 / 0
except ZeroDivisionError:
    print(type(helper()).__name__)
print(helper())

e = RuntimeError("outer")
e.__context__ = ValueError("ctx")
e.__cause__ = KeyError("cause")
print(repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
try:
    e.__context__ = 5
except TypeError as err:
    print("TypeError:", err)
try:
    e.__traceback__ = "tb"
except TypeError as err:
    print("TypeError:", err)
e.__traceback__ = None
print(e.__traceback__)
print(issubclass(KeyError, LookupError), issubclass(bool, (str, int)), issubclass(int, int))
try:
    issubclass(3, int)
except TypeError as err:
    print("TypeError:", err)
try:
    issubclass(int, 3)
except TypeError as err:
    print("TypeError:", err)
