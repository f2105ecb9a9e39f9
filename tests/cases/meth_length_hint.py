def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def hints(it):
    out = [it.__length_hint__()]
    for _ in it:
        out.append(it.__length_hint__())
    return out
for seq in [[1, 2, 3], (1, 2), "abc", "é€", b"ab", bytearray(b"xyz"), {1: 2, 3: 4}, {5, 6, 7}]:
    print(type(iter(seq)).__name__, hints(iter(seq)))
d = {1: 1, 2: 2}
for it in [reversed([1, 2, 3]), reversed(d), reversed(d.items()), reversed(d.values()), iter(d.values()), iter(d.items())]:
    print(type(it).__name__, hints(it))
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print(it.__length_hint__())
r = reversed(l + [1, 2])
print(r.__length_hint__())
it = iter(d)
d[5] = 5
print(it.__length_hint__())
s = {1, 2}
it = iter(s)
s.add(3)
print(it.__length_hint__())
t(lambda: iter([]).__length_hint__(1))
t(lambda: iter({}).__length_hint__(1))
t(lambda: iter(set()).__length_hint__(1))
