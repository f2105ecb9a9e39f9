import sys

s = "".join(["sp", "am!"])
t = sys.intern(s)
print(t is s)
u = "".join(["sp", "am!"])
v = sys.intern(u)
print(v is s, v is u)
