# gc.freeze moves every tracked object to the permanent generation.
import gc
gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count())
lst = []
lst.append(lst)
del lst
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
