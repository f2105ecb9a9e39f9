import sys


def gen():
    yield 1


def gen_locals(n):
    a = b = c = d = 0
    for i in range(n):
        yield i


print(sys.getsizeof(gen()))
print(sys.getsizeof(gen_locals(3)))
print(sys.getsizeof(x for x in range(3)))
g = gen_locals(3)
next(g)
print(sys.getsizeof(g))
