# return, break and continue leaving with blocks call __exit__ with Nones,
# innermost first, before the jump.


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc)


def returns():
    with CM("a"), CM("b"):
        return "value"


print(returns())


def returns_computed(x):
    with CM("c") as c:
        return c.name + x


print(returns_computed("!"))


def loops():
    for i in range(4):
        with CM("loop %d" % i):
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
    while True:
        with CM("while"):
            break
    return i


print(loops())


def with_finally():
    try:
        with CM("in try"):
            return 1
    finally:
        print("finally")


print(with_finally())


def finally_in_with():
    with CM("around"):
        try:
            return 2
        finally:
            print("inner finally")


print(finally_in_with())


def except_in_with():
    with CM("w"):
        try:
            raise ValueError
        except ValueError as e:
            return "handled " + type(e).__name__


print(except_in_with())


def with_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        with CM("in except"):
            return "from except"


print(with_in_except())


def generator():
    with CM("gen"):
        yield 1
        yield 2


for v in generator():
    print("got", v)
