class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Owner:
    def __init__(self):
        self.first = R("first")
        self.second = R("second")

    def __del__(self):
        print("del owner")


o = Owner()
del o
print("end")
