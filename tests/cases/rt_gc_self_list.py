import gc

gc.collect()
a = []
a.append(a)
del a
print(gc.collect())
print(gc.collect())
