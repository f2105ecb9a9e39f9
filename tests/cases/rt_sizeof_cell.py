import sys


def outer():
    x = 1

    def inner():
        return x

    return inner


f = outer()
cell = f.__closure__[0]
print(type(cell).__name__, sys.getsizeof(cell), cell.cell_contents)
print(len(f.__closure__), sys.getsizeof(f.__closure__))
