import functools


def power(base, exponent, *, mod=None):
    r = base ** exponent
    return r if mod is None else r % mod


square = functools.partial(power, exponent=2)
print(square(5), square(5, exponent=3), square(7, mod=10))
print(square.func is power, square.args, square.keywords)
two_to = functools.partial(power, 2)
print(two_to(10), two_to.args, two_to.keywords)
nested = functools.partial(two_to, mod=1000)
print(nested(20), nested.func is power, nested.args, nested.keywords)
print(repr(functools.partial(max, 1, 2, key=abs)))
print(repr(functools.partial(len)))
print(type(square).__name__, callable(square))
int_base2 = functools.partial(int, base=2)
print(int_base2("1011"), int_base2("11", base=10))
print(list(map(functools.partial(pow, 2), range(5))))
try:
    functools.partial(3)
except TypeError as e:
    print("TypeError:", e)
try:
    square()
except TypeError as e:
    print("TypeError:", e)
p = functools.partial(print, "a", sep="-")
p("b", "c")
p.attr = 1
print(p.attr)
