# Floor division rounds toward minus infinity; % takes the divisor's sign.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
a = -17
b = 5
print(a // b * b + a % b == a)
print(0 // 5, 0 % -5)
