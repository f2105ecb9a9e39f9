import itertools as it
tests = [lambda: it.islice([1], -1), lambda: it.islice([1], 'a'), lambda: it.islice([1], 0, 5, 0), lambda: it.islice([1], -1, 5), lambda: it.islice([1]), lambda: it.islice([1],1,2,3,4),
 lambda: it.count('a'), lambda: it.repeat(), lambda: it.permutations([1], -1), lambda: it.combinations([1], -1), lambda: it.combinations([1]), lambda: it.batched([1], 0), lambda: it.tee([1], -1),
 lambda: it.product([1], repeat=-1), lambda: it.chain(1), lambda: next(it.chain(1)), lambda: it.cycle(1), lambda: it.starmap(len), lambda: it.zip_longest(1), lambda: it.zip_longest([1], fill=1),
 lambda: it.accumulate(), lambda: it.groupby(), lambda: it.compress([1]), lambda: it.pairwise(1), lambda: it.takewhile(len), lambda: it.repeat(1, 'a'), lambda: it.count(1, 'a'),
 lambda: it.product(1), lambda: it.combinations_with_replacement('ab', -1), lambda: it.accumulate([1], initial=1, x=2), lambda: next(it.starmap(len, [1]))]
for t in tests:
    try:
        r = t(); print('ok', type(r).__name__)
    except Exception as e: print(type(e).__name__, e)
