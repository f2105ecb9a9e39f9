# product, permutations, combinations and zip_longest hand back the same
# tuple object while nobody else holds it (as CPython does).
import itertools as it, sys
def same_object(iterator):
    ids = set()
    count = 0
    for t in iterator:
        ids.add(id(t))
        count += 1
    return count, len(ids)
print(same_object(it.product('ab', 'cd')), same_object(it.permutations('abc')))
print(same_object(it.combinations('abcd', 2)), same_object(it.combinations_with_replacement('ab', 2)))
print(same_object(it.zip_longest('ab', 'xyz')))
kept = list(it.product('ab', repeat=2)); print(kept, len(set(map(id, kept))))
p = it.permutations([1, 2, 3], 2)
first = next(p); second = next(p)
print(first, second, first is second, sys.getrefcount(first))
c = it.combinations(range(4), 2)
t = next(c); print(sys.getrefcount(t)); del t
t = next(c); print(t)
