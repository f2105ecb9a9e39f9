import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
for i in range(2000):
    a = []
    a.append(a)
del a
print("collected while disabled:", gc.collect())
gc.enable()
print(gc.isenabled())
