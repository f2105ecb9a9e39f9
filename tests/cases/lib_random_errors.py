import random

random.seed(1)
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5),
            lambda: random.randrange(0, 10, 0), lambda: random.randrange(10, 0, 2), lambda: random.randrange(1.5),
            lambda: random.randint(3, 1), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
            lambda: random.sample([1, 2], -1), lambda: random.getrandbits(-1),
            lambda: random.choices([1, 2], [1]), lambda: random.choices([1, 2], [0, 0]),
            lambda: random.choices([1, 2], 3), lambda: random.choices([1], weights=[1], cum_weights=[1]),
            lambda: random.seed([1]), lambda: random.randrange(10, step=2)]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(random.sample([1, 2, 3], 0), random.choices([], k=0), random.randint(5, 5))
x = []
random.shuffle(x)
print(x)
print(random.sample(["red", "blue"], counts=[3, 2], k=5))
print(type(random.Random()).__name__, isinstance(random.Random(), random.Random))
