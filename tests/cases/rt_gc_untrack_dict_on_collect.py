import gc

d = {}
d["list"] = []
d["list"] = 5
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
d["x"] = (1, 2)
print(gc.is_tracked(d))
