import random

a = random.Random(2024)
b = random.Random(2024)
print([a.randint(0, 99) for _ in range(5)] == [b.randint(0, 99) for _ in range(5)])
print(a.random(), b.random())
c = random.Random()
c.seed(99)
print(c.random(), c.choice("xyz"), c.sample(range(50), 3))
state = c.getstate()
x = [c.random() for _ in range(3)]
c.setstate(state)
print(x == [c.random() for _ in range(3)])


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(7)
print([d.roll() for _ in range(8)], isinstance(d, random.Random))
random.seed(7)
print([random.randint(1, 6) for _ in range(8)])
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.seed(31)
random.shuffle(deck)
print(deck[:6], len(deck), sorted(deck) == sorted(r + s for s in "SHDC" for r in "A23456789TJQK"))
hand = random.sample(deck, 5)
print(hand)
random.seed(5)
counts = {}
for _ in range(600):
    roll = random.randint(1, 6)
    counts[roll] = counts.get(roll, 0) + 1
print(sorted(counts.items()))
random.seed(8)
print([round(random.gauss(0, 1), 6) for _ in range(4)])
print([round(random.uniform(10, 20), 6) for _ in range(3)])
print(random.choices(range(5), weights=[5, 1, 1, 1, 1], k=10))
random.seed(2**64 + 1)
print(random.getrandbits(64), random.randrange(-50, 50, 5))
