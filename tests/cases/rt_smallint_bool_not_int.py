one = 1
print(True == one, True is one)
print(hash(True) == hash(one))
d = {1: "int"}
d[True] = "bool"
print(d)
print(type(True + True).__name__, (True + True) == 2)
