import sys

a = []
a.extend([1, 2, 3])
print(sys.getsizeof(a))
a.extend(range(10))
print(sys.getsizeof(a))
b = []
for i in range(10):
    b.insert(0, i)
    print(sys.getsizeof(b), end=" ")
print()
c = [1, 2, 3]
c += [4]
print(sys.getsizeof(c))
c.clear()
print(sys.getsizeof(c))
