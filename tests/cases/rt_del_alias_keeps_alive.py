class R:
    def __del__(self):
        print("del R")


a = R()
b = a
del a
print("a gone, b alive")
del b
print("both gone")
