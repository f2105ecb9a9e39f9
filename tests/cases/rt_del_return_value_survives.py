class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make():
    tmp = R("tmp")
    keep = R("keep")
    return keep


k = make()
print("got", k.name)
del k
print("end")
