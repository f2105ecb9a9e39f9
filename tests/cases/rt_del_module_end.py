class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del at exit", self.name)


keep = R("global")
print("last line of the program")
