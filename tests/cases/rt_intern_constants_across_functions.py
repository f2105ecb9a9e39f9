def f():
    return "hello world!"


def g():
    return "hello world!"


def h():
    return "ident"


s = "ident"
print(f() is g(), h() is s)
t = "".join(["hello", " world!"])
print(t == f(), t is f())
