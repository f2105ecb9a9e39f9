import sys

d = {i: i for i in range(20)}
print(sys.getsizeof(d))
for i in range(18):
    del d[i]
print(len(d), sys.getsizeof(d))
d.clear()
print(len(d), sys.getsizeof(d))
e = {str(i): i for i in range(20)}
for k in list(e):
    e.pop(k)
print(len(e), sys.getsizeof(e))
e["x"] = 1
print(sys.getsizeof(e))
