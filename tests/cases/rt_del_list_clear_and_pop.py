class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


items = [R(str(i)) for i in range(4)]
items.pop()
print("popped")
items.pop(0)
print("popped front")
items.clear()
print("cleared")
