def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(max(counts, key=counts.get))
inv = {}
for k, v in counts.items():
    inv.setdefault(v, []).append(k)
print(inv)
print({k: v for k, v in counts.items() if v > 1})
print(list(counts.keys())[:3], list(counts.values())[:3])
print("the" in counts, "cat" not in counts)
del counts["the"]
print(len(counts), counts.pop("fox"), counts.pop("cat", None))
print(counts.popitem(), counts)
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)])
print([[x * 2 for x in r] for r in m])
print(sum(map(sum, m)), [sum(c) for c in zip(*m)])
s = "Hello, World! Hello!"
print(s.lower().count("hello"), s.find("World"), s.replace("Hello", "Bye", 1))
print(s.split("!"), s.strip("!"), s[::-1], s[7:12], s[-6:])
print([c for c in s if c.isupper()], "".join(c for c in s if c.isalpha()))
print(s.startswith("Hell"), s.endswith(("!", "?")), s.index("o"), s.rindex("o"))
print("{:<8}|{:>8}|{:^8}".format("left", "right", "mid"))
print(f"{3.14159:.2f} {42:05d} {'x':*^5} {1234567:,}")
print("-".join(map(str, range(5))))
print(list(reversed([1, 2, 3])), sorted([3, 1, 2], reverse=True))
a = [5, 3, 8]
a.sort()
print(a, a.index(8), a.count(3))
a.insert(1, 4); a.extend([9, 10]); a.remove(9); print(a, a.pop(), a.pop(0), a)
print(a[::2], a[1::2], a[-2:], len(a), min(a), max(a))
b = a.copy(); b.append(1); print(a == b, a is b, a < b)
t = (1, 2, 3)
x, *y = t
print(x, y, t.count(2), t.index(3), t + (4,), t * 2, 2 in t)
st = {1, 2, 3}
st.add(4); st.discard(10); st.remove(1)
print(st, st | {9}, st & {2, 3}, st - {2}, st ^ {3, 5}, st <= {2, 3, 4, 5})
fs = frozenset(st)
print(fs, {fs: "ok"}[frozenset({2, 3, 4})])
print(set("mississippi") == set("misp"), sorted(set("mississippi")))
