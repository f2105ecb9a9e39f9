import sys

a = "hello"
parts = ["hel", "lo"]
b = "".join(parts)
print(a == b, a is b)
c = sys.intern(b)
print(c is a)
x = "".join(["runtime", "_", "only"])
y = "".join(["runtime", "_", "only"])
print(x is y, sys.intern(x) is sys.intern(y))
