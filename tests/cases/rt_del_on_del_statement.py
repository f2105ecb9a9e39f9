class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


r = R("one")
print("before del")
del r
print("after del")
