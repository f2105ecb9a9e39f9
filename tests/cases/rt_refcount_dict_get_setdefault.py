import sys

v = []
d = {}
d.setdefault("k", v)
print(sys.getrefcount(v))
w = d.get("k")
print(sys.getrefcount(v))
d.update({"j": v})
print(sys.getrefcount(v))
items = list(d.values())
print(sys.getrefcount(v))
