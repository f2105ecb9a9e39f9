import itertools as it
data = [('fruit', 'apple'), ('fruit', 'pear'), ('veg', 'kale'), ('fruit', 'fig')]
for key, group in it.groupby(data, key=lambda pair: pair[0]):
    print(key, [name for _, name in group])
print([(k, len(list(g))) for k, g in it.groupby(sorted('mississippi'))])
g = it.groupby('aaabbc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
g = it.groupby([1, 1, 2, 2, 2, 3])
k, grp = next(g)
print(k, next(grp))
k, grp2 = next(g)
print(k, list(grp), list(grp2))
print(list(it.groupby([])), [k for k, _ in it.groupby('abba')])
print([(k, list(v)) for k, v in it.groupby(range(10), key=lambda x: x // 3)])
try:
    list(it.groupby([1, 'a', 'a'], key=lambda x: x + 1))
except TypeError as e:
    print('TypeError:', e)
