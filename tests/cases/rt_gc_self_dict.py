import gc

gc.collect()
d = {}
d["me"] = d
del d
print(gc.collect())
e = {"x": 1}
e["y"] = [e]
del e
print(gc.collect())
