import gc

n = 5
t = (n, "a", 2.5)
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = (n, [])
gc.collect()
print(gc.is_tracked(u))
v = (n, (n, "b"))
gc.collect()
print(gc.is_tracked(v), gc.is_tracked(v[1]))
print(gc.is_tracked(()))
