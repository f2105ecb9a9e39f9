# Cycles through lists and dicts are found by gc.collect(), which returns
# how many objects it collected.
import gc
gc.collect()
lst = []
lst.append(lst)
del lst
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())
x = [1, 2]
y = {"x": x, "t": (x,)}
x.append(y)
del x, y
print(gc.collect())
print(gc.collect())
keep = []
keep.append(keep)
print(gc.collect(), len(keep))
