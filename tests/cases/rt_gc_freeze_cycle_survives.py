import gc

gc.collect()
a = []
a.append(a)
gc.freeze()
del a
print("frozen cycle:", gc.collect())
gc.unfreeze()
print("after unfreeze:", gc.collect())
