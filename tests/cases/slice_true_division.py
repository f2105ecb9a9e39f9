# / always gives a float, even between ints that divide exactly.
print(7 / 2)
print(10 / 5)
print(1 / 4, -1 / 4)
print(2 ** 100 / 2 ** 99)
print(0 / 3)
