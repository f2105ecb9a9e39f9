class R:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        print("del", self.i)


for i in range(3):
    obj = R(i)
    print("made", i)
print("loop over")
del obj
