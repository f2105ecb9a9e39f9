# yield from over every kind of iterable, and over objects with their own
# send() and throw().


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Echo:
    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, v):
        self.log.append(v)
        if len(self.log) > 3:
            raise StopIteration("echo done")
        return "echo %r" % (v,)

    def throw(self, typ, val=None, tb=None):
        self.log.append("thrown " + type(val).__name__)
        return "recovered"


def everything():
    yield from range(3)
    yield from "ab"
    yield from {"k": 1, "j": 2}
    yield from (x * x for x in range(3))
    yield from Countdown(2)
    yield from [[1], [2]]
    result = yield from Echo()
    yield "result " + str(result)


print(list(everything()))


def delegate(target):
    r = yield from target
    print("delegate got", r)


e = Echo()
d = delegate(e)
print(next(d), d.send("x"), d.throw(ValueError("v")))
try:
    d.send("last")
except StopIteration:
    print("finished", e.log)
try:
    def bad():
        yield from 5
    next(bad())
except TypeError as err:
    print("TypeError:", err)
