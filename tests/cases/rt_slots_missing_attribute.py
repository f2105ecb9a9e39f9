class P:
    __slots__ = ("x", "y")


p = P()
p.x = 1
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
