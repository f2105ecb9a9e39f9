from contextlib import suppress, closing, nullcontext, AbstractContextManager, ContextDecorator


s = suppress(KeyError, IndexError)
s.__enter__()
print(s.__exit__(KeyError, KeyError("k"), None))
print(s.__exit__(IndexError, IndexError("i"), None))
print(s.__exit__(ValueError, ValueError("v"), None))
print(s.__exit__(None, None, None))
print(suppress(LookupError).__exit__(KeyError, KeyError(), None))
print(suppress().__exit__(KeyError, KeyError(), None))


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


c = closing(Resource("file"))
r = c.__enter__()
print(r.name)
print(c.__exit__(None, None, None))

n = nullcontext(42)
print(n.__enter__(), n.__exit__(None, None, None))
print(nullcontext().__enter__())


class Mine(AbstractContextManager):
    def __exit__(self, *exc):
        return None


m = Mine()
print(m.__enter__() is m, m.__exit__(None, None, None))


class announce(ContextDecorator):
    def __enter__(self):
        print("start")
        return self

    def __exit__(self, *exc):
        print("stop", exc[0].__name__ if exc[0] else None)
        return False


@announce()
def job(n):
    print("job", n)
    return n + 1


print(job(1))


@announce()
def failing():
    raise ValueError("inside")


try:
    failing()
except ValueError as e:
    print("caught", e)
