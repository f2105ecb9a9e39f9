import sys


def show(arg):
    print(sys.getrefcount(arg))


def nested(arg):
    show(arg)


data = [1]
print(sys.getrefcount(data))
show(data)
nested(data)
show([5, 6])
