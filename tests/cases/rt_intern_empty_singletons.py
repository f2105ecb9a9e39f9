a = ""
b = "abc"[3:]
c = "".join([])
d = str()
print(a is b, a is c, a is d)
t1 = ()
t2 = tuple()
t3 = tuple([])
t4 = (1, 2)[2:]
print(t1 is t2, t1 is t3, t1 is t4)
by = b""
print(by is bytes(), by is b"abc"[3:])
print(frozenset() is frozenset(), [] is [])
