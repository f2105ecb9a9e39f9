import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name)
        saved.append(self)


p = Phoenix("p")
del p
print("saved:", len(saved), saved[0].name)
saved.clear()
print("cleared again, no second __del__")
