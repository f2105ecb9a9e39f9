# DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it.
import gc
gc.collect()
print(gc.garbage, gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
lst = []
lst.append(lst)
del lst
print(gc.collect())
print(len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
