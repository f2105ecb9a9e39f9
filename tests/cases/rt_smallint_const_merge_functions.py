def f():
    return 1000


def g():
    return 1000


x = 1000
print(f() is g(), f() is x)
print(f() is f())


def h(n):
    return n * 500


print(h(2) is h(2))
