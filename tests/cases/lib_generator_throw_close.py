def worker():
    print("start")
    try:
        while True:
            try:
                value = yield
                print("got", value)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("cleanup")


w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
w.close()
print("closed")
w.close()
try:
    w.send(3)
except StopIteration:
    print("StopIteration after close")


def simple():
    yield 1
    yield 2


g = simple()
try:
    g.throw(KeyError("early"))
except KeyError as e:
    print("not started:", repr(e))
print(list(g))

g = simple()
next(g)
try:
    g.throw(TypeError)
except TypeError as e:
    print("propagated:", repr(e))
print(next(g, "exhausted"))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def returns():
    try:
        yield 1
    except ValueError:
        return


r = returns()
next(r)
try:
    r.throw(ValueError)
except StopIteration:
    print("StopIteration from throw")
try:
    simple().throw(3)
except TypeError as e:
    print("TypeError:", e)


def exits():
    try:
        yield
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


e = exits()
next(e)
e.close()
g = simple()
g.close()
print(list(g))
