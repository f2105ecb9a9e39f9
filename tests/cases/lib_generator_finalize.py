import gc
import sys


def numbers(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print("finally of", tag)


g = numbers("a")
print(next(g))
del g
print("after del")

g = numbers("b")
print(next(g), next(g))
g = None
print("after rebinding")

unstarted = numbers("c")
del unstarted
print("unstarted: no finally")

finished = numbers("d")
print(sum(finished))
del finished


def plain():
    yield 1
    yield 2


p = plain()
next(p)
del p
print("plain generator closed silently")


def holder():
    try:
        yield "x"
    finally:
        print("cycle member finalized")


class Box:
    pass


box = Box()
box.gen = holder()
box.self = box
next(box.gen)
del box
print("collected:", gc.collect() > 0)


def counter():
    n = 0
    try:
        while True:
            n += 1
            yield n
    except GeneratorExit:
        print("GeneratorExit after", n)
        raise


c = counter()
for _ in range(3):
    next(c)
del c
print(sys.getrefcount(None) > 0)
