x = 1000
y = 999 + 1
print(x == y, x is y)
z = int("1000")
print(x == z, x is z)
p = 10
q = int("10")
print(p is q)
