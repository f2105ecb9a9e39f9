import gc


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "peer alive:", self.peer is not None, self.peer.name)


gc.collect()
a = R("a")
b = R("b")
a.peer = b
b.peer = a
del a, b
gc.collect()
print("done")
