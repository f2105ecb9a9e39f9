import gc
import weakref


class Node:
    pass


def cb(r):
    print("callback should not run")


gc.collect()
a = Node()
a.me = a
a.wr = weakref.ref(a, cb)
del a
print(gc.collect())
print("end")
