import functools


@functools.lru_cache(maxsize=3)
def slow_square(n):
    print("computing", n)
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2, 5, 1]:
    slow_square(n)
print(slow_square.cache_info())
print(slow_square.cache_parameters())
info = slow_square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
hits, misses, maxsize, currsize = info
print(hits + misses, info[0], len(info))
slow_square.cache_clear()
print(slow_square.cache_info())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60))
print(fib.cache_info())


@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact.cache_info())
print(fact.cache_parameters())


@functools.lru_cache(maxsize=0)
def nocache(x):
    return x + 1


print(nocache(1), nocache(1), nocache.cache_info())


@functools.lru_cache(maxsize=None, typed=True)
def typed(x):
    print("typed call", type(x).__name__)
    return x


typed(1)
typed(1.0)
typed(1)
print(typed.cache_info())


@functools.lru_cache(maxsize=-5)
def negative(x):
    return x


print(negative(2), negative.cache_info())


@functools.lru_cache()
def kw(a, b=0, *, c=1):
    print("kw call", a, b, c)
    return a + b + c


kw(1, b=2, c=3)
kw(1, b=2, c=3)
kw(1, c=3, b=2)
kw(1, 2)
print(kw.cache_info())

try:
    functools.lru_cache("big")
except TypeError as e:
    print("TypeError:", e)

try:
    kw([1])
except TypeError as e:
    print("TypeError:", e)
print(kw.cache_info())
