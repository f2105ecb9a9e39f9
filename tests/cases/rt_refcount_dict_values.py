import sys

v = [0]
d = {"a": v, "b": v}
print(sys.getrefcount(v))
d["c"] = v
print(sys.getrefcount(v))
del d["a"]
print(sys.getrefcount(v))
d.clear()
print(sys.getrefcount(v))
