import gc


class P:
    def __init__(self):
        self.a = [1]


p = P()
refs = gc.get_referents(p)
print(P in refs)
print([type(r).__name__ for r in refs if r is not P])
p.__dict__
refs2 = gc.get_referents(p)
print(sorted(type(r).__name__ for r in refs2))
