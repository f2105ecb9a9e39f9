class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Box:
    pass


b = Box()
b.item = R("old")
b.item = R("new")
print("replaced")
del b.item
print("deleted attr")
