# sys.getsizeof of itertools objects: the struct plus the index arrays of the
# combinatoric iterators.
import itertools as it, sys
print(sys.getsizeof(it.count()), sys.getsizeof(it.cycle([])), sys.getsizeof(it.repeat(0)), sys.getsizeof(it.chain()))
print(sys.getsizeof(it.islice([], 1)), sys.getsizeof(it.accumulate([])), sys.getsizeof(it.zip_longest()))
for pools in (0, 1, 2, 5):
    print('product', pools, sys.getsizeof(it.product(*[[1]] * pools)), sys.getsizeof(it.product([1], repeat=pools)))
for n, r in ((3, None), (5, 2), (0, 0), (4, 6)):
    print('permutations', n, r, sys.getsizeof(it.permutations(range(n), r)))
for r in (0, 1, 3, 10):
    print('combinations', r, sys.getsizeof(it.combinations('abc', r)), sys.getsizeof(it.combinations_with_replacement('abc', r)))
print(sys.getsizeof(it.groupby([])), sys.getsizeof(next(it.groupby('a'))[1]), sys.getsizeof(it.tee([])[0]))
print(sys.getsizeof(it.starmap(len, [])), sys.getsizeof(it.takewhile(len, [])), sys.getsizeof(it.dropwhile(len, [])))
print(sys.getsizeof(it.filterfalse(len, [])), sys.getsizeof(it.compress([], [])), sys.getsizeof(it.pairwise([])), sys.getsizeof(it.batched([], 1)))
