# Course-style recipes built from itertools and collections.
import itertools as it
from collections import deque
def take(n, iterable):
    return list(it.islice(iterable, n))
def sliding_window(iterable, n):
    window = deque(it.islice(iterable, n - 1), maxlen=n)
    for x in iterable:
        window.append(x)
        yield tuple(window)
def roundrobin(*iterables):
    iterators = deque(map(iter, iterables))
    while iterators:
        try:
            while True:
                yield next(iterators[0])
                iterators.rotate(-1)
        except StopIteration:
            iterators.popleft()
def flatten(list_of_lists):
    return it.chain.from_iterable(list_of_lists)
def unique_justseen(iterable):
    return map(next, map(lambda pair: pair[1], it.groupby(iterable)))
def powerset(s):
    s = list(s)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
def tail(n, iterable):
    return iter(deque(iterable, maxlen=n))
print(take(4, it.count(10, 5)))
print(list(sliding_window(iter('ABCDEFG'), 4)))
print(list(roundrobin('ABC', 'D', 'EF')))
print(list(flatten([[1, 2], [3], []])))
print(list(unique_justseen('AAAABBBCCDAABBB')))
print(list(powerset([1, 2, 3])))
print(list(tail(3, range(10))))
print(list(it.accumulate(range(1, 6), lambda a, b: a * b)))
print(sum(1 for _ in it.filterfalse(str.isspace, 'a b  c')))
running = list(it.accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)); print(running)
