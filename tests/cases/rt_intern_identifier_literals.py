a = "hello"
b = "hello"
print(a is b)
c = "hello world"
d = "hello world"
print(c is d)
e = "hel" + "lo"
print(e is a)
