class R:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name)


root = R("root", R("mid", R("leaf")))
del root
print("chain gone")
