# nonlocal without a binding: the error points at the nonlocal statement.
def f():
    def g():
        nonlocal x, y
    x = 1
