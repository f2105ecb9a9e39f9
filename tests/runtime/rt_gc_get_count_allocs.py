import gc

gc.collect()
c0 = gc.get_count()[0]
keep = []
for i in range(10):
    keep.append([])
c1 = gc.get_count()[0]
print(c1 - c0)
keep2 = [{} for i in range(5)]
c2 = gc.get_count()[0]
print(c2 - c1)
