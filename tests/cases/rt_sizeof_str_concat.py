import sys

a = "hello"
b = " world"
c = a + b
print(c, sys.getsizeof(c))
d = c + "\xe9"
print(len(d), sys.getsizeof(d))
e = d + "\u20ac"
print(len(e), sys.getsizeof(e))
f = e + "\U0001f600"
print(len(f), sys.getsizeof(f))
g = "x"
for i in range(10):
    g += "y"
print(g, sys.getsizeof(g))
