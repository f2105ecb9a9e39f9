import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "weakref now:", wr())


gc.collect()
a = Node("a")
a.me = a
wr = weakref.ref(a)
del a
print("collected", gc.collect())
