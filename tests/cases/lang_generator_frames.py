# Generators resumed by FOR_ITER and SEND run as frames of the VM (as 3.12's
# FOR_ITER_GEN and SEND): deep yield from chains, exceptions crossing them,
# and generators resumed again while one of their frames is running.
import sys


def count(n):
    for i in range(n):
        yield i


def nested(depth, n):
    if depth == 0:
        yield from count(n)
    else:
        yield from nested(depth - 1, n)


print(sum(nested(800, 5)), list(nested(3, 3)))
try:
    list(nested(1200, 1))
except RecursionError as e:
    print("RecursionError:", e)


def failing():
    yield 1
    raise KeyError("from generator")


def outer():
    try:
        for v in failing():
            print("value", v)
    except KeyError as e:
        print("caught", repr(e))
        tb = e.__traceback__
        while tb:
            print("  line", tb.tb_lineno)
            tb = tb.tb_next


outer()


def reenter():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)


me = reenter()
print(list(me))


def early_exit():
    try:
        for v in count(10):
            if v == 2:
                return v
    finally:
        print("finally after early return")


print(early_exit())
g = count(3)
for a in g:
    for b in g:
        print(a, b)
print(next(g, "exhausted"), sys.getrefcount(g))
