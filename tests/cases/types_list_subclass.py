# Subclasses of list: layout, growth, base methods, slicing types, GC.
import gc
import sys


class L(list):
    pass


a = L()
print(sys.getsizeof(a), sys.getsizeof([]), gc.is_tracked(a))
sizes = []
for i in range(10):
    a.append(i)
    sizes.append(sys.getsizeof(a))
print(sizes)
print(a, type(a).__name__, len(a), a[3], a[-1], a[2:5], type(a[2:5]).__name__)
print(a + [10], type(a + [10]).__name__, [0] + a, type([0] + a).__name__)
b = a
b += [99]
print(b is a, type(b).__name__, a[-1])
a *= 2
print(len(a), type(a).__name__)
print(L("abc"), L((1, 2)), L(range(3)), L(), L(L([4, 5])))
a.sort(reverse=True)
print(a[:4], a.pop(), a.index(5), a.count(99), 5 in a)
a.clear()
print(a, bool(a), a == [], [] == a, L([1]) == [1], L([1]) < [2])
print(list(L([1, 2])), type(list(L([1, 2]))).__name__, sorted(L([3, 1, 2])), reversed(L([1])).__class__.__name__)
a.name = "numbers"
print(a.name, a.__dict__)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    L(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    L(x=1)
except TypeError as e:
    print("TypeError:", e)
print(sys.getrefcount(a))

c = L()
c.append(c)
c.me = c
del c
print(gc.collect())
