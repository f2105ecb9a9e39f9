import gc


class Node:
    pass


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node()
a.self = a
a.__dict__
del a
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
