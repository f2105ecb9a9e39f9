# Which containers the collector tracks: dicts only once they hold a
# container, tuples until a collection finds them atomic.
import gc
print(gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked([]))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d = {1: "one"}
print(gc.is_tracked(d))
d[2] = [2]
print(gc.is_tracked(d))
del d[2]
print(gc.is_tracked(d))
gc.collect(1)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
t = (1, "two", 3.0)
print(gc.is_tracked(t))
gc.collect(0)
print(gc.is_tracked(t))
nested = ((1, 2), [3])
print(gc.is_tracked(nested))
gc.collect()
print(gc.is_tracked(nested))
inner = (1, 2)
outer = (inner, "x")
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))
print(gc.is_tracked({"t": (1, 2)}))
print(gc.is_finalized([]), gc.is_finalized(1))
