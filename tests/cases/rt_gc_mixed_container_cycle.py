import gc

gc.collect()
lst = []
d = {"list": lst}
t = (d, 1, "x")
lst.append(t)
del lst, d, t
print(gc.collect())
s = set()
fs = frozenset([1, 2])
holder = [s, fs]
holder.append(holder)
del s, fs, holder
print(gc.collect())
