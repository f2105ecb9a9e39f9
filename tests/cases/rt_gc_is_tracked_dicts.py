import gc

print(gc.is_tracked({}))
print(gc.is_tracked({"a": 1, "b": "x"}))
print(gc.is_tracked({"a": []}))
d = {"a": 1}
d["b"] = 2
print(gc.is_tracked(d))
d["c"] = []
print(gc.is_tracked(d))
del d["c"]
print(gc.is_tracked(d))
e = dict(a=1)
print(gc.is_tracked(e))
print(gc.is_tracked({1: (1, 2)}))
