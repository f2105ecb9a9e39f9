import gc

gc.collect()
a = []
b = [a]
a.append(b)
print(gc.collect())
holder = [a]
del a, b
print(gc.collect())
del holder
print(gc.collect())
