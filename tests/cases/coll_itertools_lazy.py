# itertools iterators are lazy: they pull from their input only as needed.
import itertools as it
def noisy(name, values):
    for v in values:
        print('  pull', name, v)
        yield v
print('chain'); c = it.chain(noisy('a', [1, 2]), noisy('b', [3])); print(next(c), next(c), next(c))
print('islice'); print(list(it.islice(noisy('s', range(10)), 1, 6, 2)))
print('takewhile'); print(list(it.takewhile(lambda x: x < 2, noisy('t', range(5)))))
print('dropwhile'); print(list(it.dropwhile(lambda x: x < 2, noisy('d', range(4)))))
print('compress'); print(list(it.compress(noisy('data', 'abc'), noisy('sel', [1, 0]))))
print('zip_longest'); print(list(it.zip_longest(noisy('x', [1]), noisy('y', [1, 2]))))
print('pairwise'); print(list(it.pairwise(noisy('p', 'abc'))))
print('batched'); print(list(it.batched(noisy('b', range(5)), 2)))
print('accumulate'); a = it.accumulate(noisy('acc', [1, 2, 3])); print(next(a)); print(list(a))
print('cycle'); cy = it.cycle(noisy('cy', 'ab')); print([next(cy) for _ in range(5)])
print('starmap'); print(list(it.starmap(lambda a, b: a * b, noisy('sm', [(2, 3), (4, 5)]))))
print('filterfalse'); print(list(it.filterfalse(lambda x: x % 2, noisy('ff', range(4)))))
