# a < b < c means a < b and b < c, with b evaluated once.
x = 2
print(1 < x < 3, 1 < x < 2, 3 > x > 1)
print(1 < 2 > 1, 1 == 1 == 1, 1 == 1 == 2)
print(0 <= x <= 10 != 11, 5 < x <= 10)
a = 'm'
print('a' <= a <= 'z', 'n' <= a)
