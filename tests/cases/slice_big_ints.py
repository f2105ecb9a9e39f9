# Integers grow past 64 bits without overflow.
print(2 ** 100)
print(-2 ** 100)
print(2 ** 64 - 1, 2 ** 63, -2 ** 63)
print(10 ** 30 * 10 ** 30)
big = 123456789012345678901234567890
print(big * big)
print(big + 1, big - big)
print(2 ** 30, 2 ** 60, 2 ** 90)
