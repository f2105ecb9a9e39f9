# Function calls: recursive fib, then many small calls with positional,
# keyword and default arguments.
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def scale(x, factor=3, offset=0):
    return x * factor + offset


def pick(a, b, *, first=True):
    if first:
        return a
    return b


start = time.perf_counter()
total = fib(25)
i = 0
while i < 400000:
    total += add(i, 1)
    total += scale(i)
    total += scale(i, offset=2)
    total += scale(x=i, factor=2)
    total += pick(i, 7, first=False)
    i += 1
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
