# Assignment and deletion targets: slices, attributes, subscripts, nested
# and starred unpacking, chained assignment; calls with * and ** arguments.
lst = [1, 2, 3, 4, 5]
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
a = [0] * 6
a[1:3] = [7, 8, 9]
print(a)
a[::2] = "xyz0"[:3]
a[1::2] = "abc"
print(a)
class C: pass
c = C()
c.x, c.y = 1, 2
(c.z, [c.w, *c.rest]) = (3, [4, 5, 6])
print(c.x, c.y, c.z, c.w, c.rest)
d = {}
d["a"], d["b"] = 1, 2
del d["a"], c.x
print(d, hasattr(c, "x"))
x = y = z = 5
print(x, y, z)
first, *_, last = range(10)
print(first, last)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
print("{}-{}".format(*[1, 2]), "{a}".format(**{"a": 3}), " ".join(*[["x", "y"]]))

items = [1, 2, 3]
print(*items, sep=", ", end="!\n")
class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    names = {n: len(n) for n in ("a", "bb")}
print(K.doubled, K.names)
def kw(*args, **kwargs):
    return args, sorted(kwargs.items())
opts = {"b": 2}
print(kw(*items, a=1, **opts), kw(**{"x": 1}, y=2))
class Str:
    def method(self, *a, **k):
        return a, k
print(Str().method(*"ab", **{"z": 1}))
x = 0
def outer():
    x = 1
    def inner():
        nonlocal x
        x += [y for y in range(3)][-1]
        return x
    return inner()
print(outer())
matrix = [[1, 2], [3, 4]]
print([[row[i] for row in matrix] for i in range(2)])
print({(i, j): i * j for i in range(2) for j in range(2) if i != j})
print([y := 5, y ** 2])
total = 0
for n in range(5):
    if (sq := n * n) > 5:
        total += sq
print(total, [z for z in range(10) if (w := z % 3) == 0], w)
a, *b = "hello"
print(a, b)
*c, d = [1]
print(c, d)
