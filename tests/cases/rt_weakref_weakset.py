import weakref


class Item:
    def __init__(self, n):
        self.n = n


ws = weakref.WeakSet()
items = [Item(i) for i in range(5)]
for it in items:
    ws.add(it)
print(len(ws))
del items[1:3]
print(len(ws), sorted(i.n for i in ws))
items.clear()
print(len(ws))
