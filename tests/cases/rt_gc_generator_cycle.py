import gc


def gen(box):
    yield len(box)


gc.collect()
box = []
g = gen(box)
box.append(g)
del box, g
print(gc.collect())
