import itertools as it
def factorial(n):
    return 1 if n < 2 else n * factorial(n - 1)
def perm(n, r):
    return factorial(n) // factorial(n - r)
def comb(n, r):
    return perm(n, r) // factorial(r) if r <= n else 0
for n in range(5):
    for r in range(n + 2):
        ps = list(it.permutations(range(n), r))
        cs = list(it.combinations(range(n), r))
        cw = list(it.combinations_with_replacement(range(n), r))
        assert len(cs) == comb(n, r) and len(ps) == (perm(n, r) if r <= n else 0)
        assert len(cw) == (comb(n + r - 1, r) if n else int(r == 0))
        assert ps == sorted(ps) and cs == sorted(cs) and cw == sorted(cw)
print('counts ok')
print(list(it.permutations('abcd', 2))[:6])
print(list(it.combinations('ABCDE', 3))[-3:])
print(len(list(it.product(range(3), repeat=4))), list(it.product('xy', [0, 1], 'z')))
print([''.join(p) for p in it.permutations('cat')])
dice = [a + b for a, b in it.product(range(1, 7), repeat=2)]
print({s: dice.count(s) for s in sorted(set(dice))})
print(list(it.combinations_with_replacement('HT', 3)))
