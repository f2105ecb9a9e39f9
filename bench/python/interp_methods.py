# Method calls and attribute access on class instances, with inheritance
# and a property.
import time


class Counter:
    def __init__(self, start):
        self.value = start
        self.steps = 0

    def bump(self, by):
        self.value += by
        self.steps += 1
        return self.value

    def get(self):
        return self.value


class LimitedCounter(Counter):
    def __init__(self, start, limit):
        Counter.__init__(self, start)
        self.limit = limit

    def bump(self, by):
        if self.value + by > self.limit:
            self.value = 0
        return Counter.bump(self, by)

    @property
    def room(self):
        return self.limit - self.value


start = time.perf_counter()
a = Counter(0)
b = LimitedCounter(0, 1000)
total = 0
for i in range(500000):
    a.bump(1)
    b.bump(i % 10)
    total += a.get() + b.room + b.steps
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
