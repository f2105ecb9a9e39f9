import sys
l = []
out = []
for i in range(70):
    out.append(sys.getsizeof(l)); l.append(i)
print(out)
l = list(range(100)); out = []
while l:
    l.pop(); out.append(sys.getsizeof(l))
print(out)
print(sys.getsizeof([1]*10), sys.getsizeof([0]*0), sys.getsizeof(list(range(10))), sys.getsizeof([x for x in range(10)]))
l = [1,2]; l += (3,4,5); print(sys.getsizeof(l)); l.extend(range(20)); print(sys.getsizeof(l)); l *= 3; print(sys.getsizeof(l))
l = [1,2,3]; l.insert(0, 5); print(sys.getsizeof(l)); l[1:1] = [7]*10; print(sys.getsizeof(l)); del l[2:]; print(sys.getsizeof(l))
l = list(range(20)); l.clear(); print(sys.getsizeof(l))
l = sorted(range(20)); print(sys.getsizeof(l)); print(sys.getsizeof(l.copy())); print(sys.getsizeof(l[:])); print(sys.getsizeof(l[::2]))
d = {}; out = []
for i in range(100):
    out.append(sys.getsizeof(d)); d[i] = i
print(out)
d = {}; out = []
for i in range(30):
    out.append(sys.getsizeof(d)); d[str(i)] = i
print(out)
for i in range(25): del d[str(i)]
print(sys.getsizeof(d)); d2 = d.copy(); print(sys.getsizeof(d2)); print(sys.getsizeof(dict(d)))
print(sys.getsizeof({**d}), sys.getsizeof(d | {}), sys.getsizeof(dict.fromkeys(range(10))), sys.getsizeof({i: i for i in range(10)}))
d = dict.fromkeys(range(10)); d |= {20: 1}; print(sys.getsizeof(d))
s = set(); out = []
for i in range(100):
    out.append(sys.getsizeof(s)); s.add(i)
print(out)
s = set(range(10)); s |= set(range(100)); print(sys.getsizeof(s))
s = set(range(100)); s &= {1,2}; print(sys.getsizeof(s))
s = set(range(100)); s.intersection_update({1,2}); print(sys.getsizeof(s))
s = set(range(100)); s -= set(range(90)); print(sys.getsizeof(s))
s = set(range(100)); s ^= set(range(50, 150)); print(sys.getsizeof(s))
print(sys.getsizeof(frozenset(range(10))), sys.getsizeof(set(range(10)) | set(range(5))), sys.getsizeof({1,2} & {2}))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof(tuple(range(10))))
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof("😀"), sys.getsizeof("abc".upper()), sys.getsizeof("ß".upper()))
print(sys.getsizeof(b""), sys.getsizeof(b"ab"), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b"abc")), sys.getsizeof(bytearray(10)))
ba = bytearray(); out = []
for i in range(40):
    out.append(sys.getsizeof(ba)); ba.append(1)
print(out)
x = object()
l = [x]
print(sys.getrefcount(x))
d = {1: x}
print(sys.getrefcount(x))
s = {x}
print(sys.getrefcount(x))
l2 = l * 3
print(sys.getrefcount(x))
del l2
print(sys.getrefcount(x))
t = (x, x)
print(sys.getrefcount(x))
d2 = d | {2: x}
print(sys.getrefcount(x))
print(list(reversed(d2)), sys.getrefcount(x))
