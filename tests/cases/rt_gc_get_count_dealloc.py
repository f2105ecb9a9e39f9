import gc

gc.collect()
c0 = gc.get_count()[0]
tmp = [[] for i in range(20)]
c1 = gc.get_count()[0]
del tmp
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c0)
