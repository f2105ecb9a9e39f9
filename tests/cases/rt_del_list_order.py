class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


items = [R("x"), R("y"), R("z")]
print("deleting list")
del items
print("done")
