import functools, time, random, math, sys, gc
from dataclasses import dataclass, field
from contextlib import contextmanager
from typing import List, Optional


@dataclass
class Student:
    name: str
    grades: List[int] = field(default_factory=list)
    mentor: Optional["Student"] = None

    @property
    def average(self) -> float:
        return sum(self.grades) / len(self.grades) if self.grades else 0.0


@contextmanager
def timing(label):
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    print(label, "took less than 5s:", elapsed < 5)


random.seed(2024)
students = [Student("s%d" % i, [random.randint(50, 100) for _ in range(5)]) for i in range(5)]
with timing("sorting"):
    ranked = sorted(students, key=lambda s: s.average, reverse=True)
for s in ranked:
    print(s.name, s.grades, round(s.average, 2))
print(ranked[0])


@functools.lru_cache(maxsize=None)
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


print(binom(30, 15), math.comb(30, 15), binom.cache_info())
print(sys.getsizeof(students[0]), sys.getsizeof(students[0].grades))
students[0].mentor = students[0]
del students, ranked
print("collected >= 0:", gc.collect() >= 0)
print(math.sqrt(sum(x * x for x in range(10))), math.hypot(*range(10)))
total = functools.reduce(lambda a, b: a * b, range(1, 21))
print(total == math.factorial(20))
