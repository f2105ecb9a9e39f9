# sorted() and list.sort() over exact ints and tuples of exact ints (the
# keys heaplab compares without the rich-comparison dispatch), next to
# mixed keys, int subclasses and key functions: the same order and
# stability as CPython.
d = [(i * 7919) % 10007 - 5000 for i in range(3000)] + [10**30, -10**25, 0, 2**62]
print(sorted(d)[:5], sorted(d)[-5:], sorted(d, reverse=True)[:3])
t = [(x % 10, x) for x in d] + [(1,), (1, 2, 3), (), (10**20, -1)]
print(sorted(t)[:6], sorted(t)[-3:], sorted(t, reverse=True)[:3])
print(sorted([(1, 2), (1, 2.5), (1, 1)]))
print(sorted([3, 1.5, 2, True]))


class K(int):
    def __lt__(self, other):
        print("K.__lt__")
        return int(self) < int(other)


print(sorted([K(3), 1, 2]))
pairs = [(i % 3, -i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(range(10), key=lambda x: (x % 2, -x), reverse=True))
words = ["b", "a", "c"]
words.sort(key=len)
print(words)
try:
    sorted([(1, 2), (1, "x")])
except TypeError as e:
    print("TypeError:", e)
edges = [2**30, 2**30 - 1, -(2**30), -(2**30) + 1, 0, -1, 1, 2**60, -(2**60), 0, -0]
print(sorted(edges))
print(sorted([(e, -e) for e in edges]))
