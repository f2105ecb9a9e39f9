def f():
    return (1, 2, 3)


a = f()
b = f()
print(a is b)
c = (1, 2, 3)
print(c is a)
x = 1
d = (x, 2, 3)
print(d is a, d == a)
