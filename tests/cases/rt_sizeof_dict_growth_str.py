import sys

d = {}
last = sys.getsizeof(d)
print(0, last)
for i in range(100):
    d["k" + str(i)] = i
    s = sys.getsizeof(d)
    if s != last:
        print(len(d), s)
        last = s
