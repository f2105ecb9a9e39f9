import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a
print(gc.collect())
del b
print(gc.collect())
