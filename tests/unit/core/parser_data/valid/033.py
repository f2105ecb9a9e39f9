def g():
    x = yield
    y = yield 1
    z = yield from g()
    yield a, b
    await_ = (yield)
