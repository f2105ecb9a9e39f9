# gc.callbacks are called with ("start", info) and ("stop", info).
import gc
gc.collect()
gc.callbacks.append(print)
gc.collect()
lst = []
lst.append(lst)
del lst
gc.collect(1)
gc.callbacks.remove(print)
print(gc.callbacks)
print(gc.collect())
