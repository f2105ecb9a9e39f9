import gc

x = [1, "two", None]
refs = gc.get_referents(x)
print(refs)
d = {"k": "v"}
print(gc.get_referents(d))
d2 = {1: "one", 2: "two"}
print(gc.get_referents(d2))
t = ("a", "b")
print(gc.get_referents(t))
print(gc.get_referents(1), gc.get_referents("s"))
print(len(gc.get_referents(x, d, t)))
