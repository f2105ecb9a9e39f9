# a = b = ... binds every target to the same object.
a = b = c = 5
print(a, b, c)
b = 6
print(a, b, c)
x = y = [1, 2]
x.append(3)
print(y)
y = [9]
print(x, y)
