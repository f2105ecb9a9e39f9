# StopIteration inside generators (PEP 479), next() with a default, the
# return value of a generator in StopIteration.value.


def raises_stop():
    yield 1
    raise StopIteration("inside")


try:
    print(list(raises_stop()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__)


def returns(v):
    yield "first"
    return v


g = returns(42)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)
print(next(g, "default"))
g = returns(None)
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)


def next_in_generator():
    it = iter([])
    yield next(it)


try:
    list(next_in_generator())
except RuntimeError as e:
    print("RuntimeError:", e)


def explicit_return():
    yield 1
    return
    yield 2


print(list(explicit_return()), [x for x in returns("ignored")])
print(sum(x for x in range(5)), max((n * n for n in range(4)), default=None))


def send_before_start():
    x = yield
    print("got", x)


s = send_before_start()
try:
    s.send(5)
except TypeError as e:
    print("TypeError:", e)
print(s.send(None))
try:
    s.send("late")
except StopIteration:
    print("finished")
try:
    s.send("again")
except StopIteration:
    print("still finished")
print(s.close(), s.gi_yieldfrom)
