import sys

s = "".join(["made", "_at_", "runtime"])
print(sys.getrefcount(s))
t = sys.intern(s)
print(t is s, sys.getrefcount(s))
u = "".join(["made", "_at_", "runtime"])
print(sys.getrefcount(u), sys.intern(u) is s)
