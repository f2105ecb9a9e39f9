class R:
    def __init__(self): self.c = None
    def __repr__(self): return "R(" + repr(self.c) + ")"
    def __hash__(self): return 1
r = R()
s = {r}
r.c = s
print(repr(s))
f = frozenset([r])
r.c = f
print(repr(f))
l = []
t = (l, 1)
l.append(t)
print(t, l)
d = {}
