# Generation counts: allocations of GC objects count in generation 0, and
# each collection counts in the next generation.
import gc
gc.collect()
print(gc.get_count())
a = []
b = {}
c = [a, b]
gc.collect(0)
print(gc.get_count())
gc.collect(0)
gc.collect(1)
print(gc.get_count())
gc.collect()
print(gc.get_count())
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
