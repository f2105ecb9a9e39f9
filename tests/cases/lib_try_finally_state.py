import sys


def g1():
    try:
        raise KeyError("a")
    finally:
        pass
    yield 1


try:
    list(g1())
except KeyError as e:
    print("g1", repr(e.__context__), sys.exception() is e)
print(sys.exception())


def f():
    try:
        raise KeyError("c")
    finally:
        print("finally runs")


for _ in range(3):
    try:
        f()
    except KeyError as e:
        print("f", repr(e), repr(e.__context__))
print(sys.exception())


def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally", repr(sys.exception()))
    except ValueError as e:
        print("handled", repr(e), repr(sys.exception()))
    print("after", sys.exception())


nested()


def gen_sizes():
    def a():
        try:
            yield 1
        finally:
            print("x")

    def b():
        for i in range(3):
            try:
                yield i
            finally:
                pass

    def c():
        try:
            try:
                yield 1
            finally:
                pass
        except KeyError:
            yield 2
        finally:
            yield 3
    return [sys.getsizeof(g()) for g in (a, b, c)]


print(gen_sizes())


def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator finalized")


gen = numbers()
print(next(gen), next(gen))
gen.close()
print(list(gen), sys.exception())
