import sys

s = "a"
print(sys.getrefcount(s))
print(sys.getrefcount("hello_world_identifier"))
t = "".join(["run", "time", "str", "ing"])
print(sys.getrefcount(t))
u = sys.intern(t)
print(u is t, sys.getrefcount(t))
