class P:
    __slots__ = ("x",)


p = P()
p.x = 10
del p.x
try:
    print(p.x)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 11
print(p.x)
