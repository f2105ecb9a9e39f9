import gc
import weakref


class Node:
    pass


def cb(r):
    print("callback ran, referent:", r())


gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
ra = weakref.ref(a, cb)
del a, b
print("collecting")
print(gc.collect())
