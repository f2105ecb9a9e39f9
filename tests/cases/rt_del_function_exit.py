class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def work():
    a = R("a")
    b = R("b")
    print("returning")
    return 1


print(work())
print("after call")
