import gc

gc.collect()
before = gc.get_freeze_count()
junk = [[i] for i in range(50)]
gc.freeze()
n = gc.get_freeze_count()
print(n - before >= 51)
print(gc.get_count())
gc.unfreeze()
print(gc.get_freeze_count())
gc.freeze()
gc.unfreeze()
print(gc.get_freeze_count())
