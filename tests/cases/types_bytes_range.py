import sys
b = bytes([104, 101, 108, 108, 111])
print(b, len(b), b[0], b[-1], b[1:3], list(b), b + bytes([33]), b * 2, 104 in b, bytes([108, 108]) in b)
print(b.upper(), b.decode(), b.hex(), b.find(bytes([108])), b.count(bytes([108])), b.startswith(bytes([104])))
print(b.split(bytes([108])), bytes([32, 97, 32]).strip(), bytes([44]).join([b, b]), b.replace(bytes([108]), bytes([76])))
print(repr(bytes([0, 9, 10, 13, 39, 34, 92, 127, 128, 255])), bytes(3), bytes("hé", "utf-8"))
print(b == bytes([104, 101, 108, 108, 111]), b < bytes([105]), hash(b) == hash(bytes(b)))
print(sys.getsizeof(bytes()), sys.getsizeof(bytes([1])), sys.getsizeof(b), sys.getsizeof(bytes(100)))
ba = bytearray()
sizes = []
i = 0
while i < 40:
    ba.append(i)
    sizes.append(sys.getsizeof(ba))
    i += 1
print(sizes)
ba = bytearray(b)
ba[0] = 72
ba.extend([33, 33])
print(ba, ba.pop(), ba, len(ba), sys.getsizeof(ba))
del ba[0:2]
print(ba, sys.getsizeof(ba), sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray([1, 2, 3])), sys.getsizeof(bytearray(range(20))))
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[1:3], list(r), 5 in r, 6 in r, r.index(8), r.count(8))
print(range(0) == range(5, 5), range(1, 5, 10) == range(1, 2), list(range(5, 0, -2)), list(reversed(range(3))))
print(sys.getsizeof(range(10)), sys.getsizeof(iter(range(10))), type(iter(range(10))).__name__ if False else "")
print(list(range(10**20, 10**20 + 3)), range(10**20)[-1], len(range(-5, 5)))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(slice(1, 2), slice(1, 10, 2).indices(5), [0, 1, 2, 3][slice(1, 3)])
range(1, 2, 0)
