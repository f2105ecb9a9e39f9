# is / is not compare identity, not value.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
n = None
print(n is None, n is not None)
flag = 1 == 1
print(flag is True, flag is not False)
big1 = 1000
big2 = 1000
print(big1 is big2)
small1 = 7
small2 = 3 + 4
print(small1 is small2)
