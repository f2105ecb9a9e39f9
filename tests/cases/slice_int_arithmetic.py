# Integer arithmetic and operator precedence.
print(7 + 3, 7 - 3, 7 * 3, 7 // 3, 7 % 3, 7 ** 3)
print(2 + 3 * 4, (2 + 3) * 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
x = 5
print(-x, --x, -(-x))
print(100 - 2 * 30 // 4 % 7)
print(0 ** 0, 1 ** 1000, 10 ** 0)
