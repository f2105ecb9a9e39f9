import weakref


class C:
    def __init__(self, name):
        self.name = name


objs = [C("a"), C("b"), C("c")]
refs = [weakref.ref(o, lambda r, n=o.name: print("dead", n)) for o in objs]
print("deleting the list")
del objs
print("end")
