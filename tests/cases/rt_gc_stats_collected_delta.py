import gc

gc.collect()
before = gc.get_stats()[2]["collected"]
for i in range(5):
    a = []
    a.append(a)
del a
gc.collect()
print(gc.get_stats()[2]["collected"] - before)
