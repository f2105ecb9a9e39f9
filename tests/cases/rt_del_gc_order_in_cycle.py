import gc

order = []


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        order.append(self.name)


gc.collect()
nodes = [R("n" + str(i)) for i in range(4)]
for i in range(4):
    nodes[i].next = nodes[(i + 1) % 4]
del nodes
gc.collect()
print(order)
