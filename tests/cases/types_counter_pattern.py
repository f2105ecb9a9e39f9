# A word counter the way courses write it: a dict subclass with __missing__.
import sys


class Counter(dict):
    def __missing__(self, key):
        return 0

    def most_common(self, n):
        return sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def __add__(self, other):
        result = Counter(self)
        for k, v in other.items():
            result[k] += v
        return result

    def __repr__(self):
        return "Counter(" + dict.__repr__(self) + ")"


text = "the quick brown fox jumps over the lazy dog the end"
c = Counter()
for w in text.split():
    c[w] += 1
print(c.most_common(3), c["the"], c["cat"], "cat" in c, len(c))
print(c + Counter(the=1, cat=2))
print(sys.getsizeof(Counter()), type(c.copy()).__name__, isinstance(c, dict))


class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


g = DefaultDict(list)
for word in text.split():
    g[len(word)].append(word)
print(sorted(g.items()), g.factory, len(g.__dict__))


class OrderedSet(dict):
    def add(self, x):
        self[x] = None

    def __iter__(self):
        return iter(list(super().__iter__()))

    def __repr__(self):
        return "OrderedSet(%r)" % list(self)


s = OrderedSet()
for ch in "mississippi":
    s.add(ch)
print(s, list(s), len(s), "s" in s)
