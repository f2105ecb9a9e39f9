import sys

sizes = []
for n in range(0, 8):
    names = tuple("s" + str(i) for i in range(n))
    cls = type("S" + str(n), (), {"__slots__": names})
    sizes.append(sys.getsizeof(cls()))
print(sizes)
