import sys


def outer():
    value = []

    def a():
        return value

    def b():
        return value

    return a, b


fa, fb = outer()
print(fa.__closure__[0] is fb.__closure__[0])
cell = fa.__closure__[0]
print(sys.getrefcount(cell))
print(sys.getrefcount(cell.cell_contents))
