import sys
s = set()
ssizes = []
i = 0
while i < 100:
    s.add(i)
    ssizes.append(sys.getsizeof(s))
    i += 1
print("set growth", sorted(set(ssizes)))
print("frozenset", sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))))
print("range", sys.getsizeof(range(10)), sys.getsizeof(range(10**6)))
print("bytes", sys.getsizeof(bytes()), sys.getsizeof(bytes([97])), sys.getsizeof(bytes(100)))
print("bytearray", sys.getsizeof(bytearray()), sys.getsizeof(bytearray(bytes([97,98,99]))))
print({1, 2, 3}, set([3, 1, 2]), frozenset([1]), set(), frozenset())
print(list(range(5)), list(range(10, 0, -3)), range(3), range(1, 9, 2), len(range(0, 100, 7)))
print(list(enumerate("abc")), list(zip([1,2,3], "ab")), list(map(str, [1,2])), list(filter(None, [0,1,2,0])))
print(list(reversed([1,2,3])), list(reversed("abc")), list(reversed(range(4))))
print(sorted([3,1,2]), sorted(["bb","a","ccc"], key=len), sorted([1,2,3], reverse=True))
print(sum([1,2,3]), sum([0.1]*10), min(3,1,2), max([1,5,2]), max([], default=0), any([0,0,1]), all([]))
print(int("42"), int("ff", 16), int(3.9), float("1.5"), str(12), tuple([1,2]), dict([(1,2)]), dict(a=1))
x = [0,1,2,3,4,5,6,7,8,9]
print(x[2:5], x[::-1], x[::3], "hello"[1:3], (1,2,3)[1:])
x[2:5] = ["a"]
print(x)
del x[::2]
print(x)
print("%d items, %s, %5.2f|%-4s|%x" % (3, "ok", 3.14159, "ab", 255))
print(format(3.14159, ".2f"), format(42, "08,d"), format("hi", "^6"), format(255, "#x"))
print(hex(255), oct(8), bin(5), chr(65), ord("a"), divmod(7, 2), pow(2, 10, 1000), round(2.5), round(3.14159, 2))
d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items(), d.get("z", 0), list(d.items()))
print(bytes([104, 105]), bytearray(bytes([1,2])), bytes([255, 39]).hex())
print(repr(bytes([0, 10, 39, 92, 200])))
