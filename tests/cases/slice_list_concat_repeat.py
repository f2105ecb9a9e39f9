# + makes a new list; * repeats the references to the same items.
a = [1, 2]
b = [3]
c = a + b
print(c, a, b)
print([0] * 5, [1, 2] * 2, [] * 3, [7] * 0)
rows = [[]] * 3
rows[0].append('shared')
print(rows)
