zero = 0
n = -zero
print(n is zero)
m = int("-0")
print(m is zero)
k = 5 - 5
print(k is zero)
a = 255 + 1
b = 2 ** 8
print(a is b)
c = 2 ** 9
d = 512 * 1
print(c == d, c is d)
