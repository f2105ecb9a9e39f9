import gc

gc.collect()
print(gc.get_count())
gc.collect()
x = gc.get_count()
print(x)
