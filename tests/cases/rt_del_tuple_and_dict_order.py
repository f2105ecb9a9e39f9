class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


t = (R("t1"), R("t2"), R("t3"))
del t
print("tuple done")
d = {"a": R("d1"), "b": R("d2"), "c": R("d3")}
del d
print("dict done")
