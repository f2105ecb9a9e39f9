import random

for seed in ["hello", "", "a much longer seed string " * 8, b"bytes seed", bytearray(b"ba"), "ünïcödé"]:
    random.seed(seed)
    print(repr(seed)[:30], random.random(), random.randint(1, 100))
r = random.Random("instance")
print(r.random(), r.choice("abcdef"))
random.seed("same")
a = [random.random() for _ in range(3)]
random.seed(b"same")
print(a == [random.random() for _ in range(3)])
try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError:", e)
