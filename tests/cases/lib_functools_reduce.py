import functools

print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(functools.reduce(lambda a, b: a * b, range(1, 11), 1))
print(functools.reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(functools.reduce(max, [3, 9, 2]))
print(functools.reduce(lambda a, b: a + b, [], "empty"))
print(functools.reduce(lambda a, b: a + b, ["only"]))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
try:
    functools.reduce(lambda a, b: a + b, 5)
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield "x"
    yield "y"
    yield "z"


print(functools.reduce(lambda a, b: b + a, gen()))
