import sys

ba = bytearray()
print(sys.getsizeof(ba))
last = sys.getsizeof(ba)
for i in range(100):
    ba.append(i)
    s = sys.getsizeof(ba)
    if s != last:
        print(len(ba), s)
        last = s
