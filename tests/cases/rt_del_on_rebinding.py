class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


x = R("first")
x = R("second")
print("rebound")
x = None
print("cleared")
