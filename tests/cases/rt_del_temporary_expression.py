class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def value(self):
        return 42


print(R("temp").value())
print("next line")
len([R("in list")])
print("end")
