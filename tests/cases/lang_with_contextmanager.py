# contextlib.contextmanager on top of with: the generator gets the body's
# exception through throw(), and its finally/except decide what escapes.
from contextlib import contextmanager


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    except KeyError as e:
        print("suppressed", repr(e))
    finally:
        print("</%s>" % name)


with tag("a") as t:
    print("inside", t)

with tag("b"):
    raise KeyError("k")
print("after b")

try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("escaped", repr(e))


@contextmanager
def nested_tags(*names):
    if not names:
        yield []
        return
    with tag(names[0]) as first:
        with nested_tags(*names[1:]) as rest:
            yield [first] + rest


with nested_tags("x", "y", "z") as all_tags:
    print(all_tags)


def counted():
    with tag("gen"):
        yield 1
        yield 2


g = counted()
print(next(g))
g.close()
print("closed")
