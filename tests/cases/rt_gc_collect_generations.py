import gc

gc.collect()
a = []
a.append(a)
del a
print("gen0:", gc.collect(0))
b = []
b.append(b)
gc.collect(0)
del b
print("after survival gen0:", gc.collect(0))
print("gen1:", gc.collect(1))
c = []
c.append(c)
gc.collect(1)
del c
print("gen1 again:", gc.collect(1))
print("gen2:", gc.collect(2))
