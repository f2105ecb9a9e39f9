import gc

gc.collect()
cyc = []
cyc.append(cyc)
cyc.append([1, [2, [3]]])
cyc.append({"k": [4]})
del cyc
print(gc.collect())
