# Comparison operators on ints, strs and lists.
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 5 == 5, 5 != 5)
print('apple' < 'banana', 'abc' < 'abd', 'Z' < 'a', '' < 'a')
print('abc' == 'abc', 'abc' != 'ABC')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([1, [2]] == [1, [2]], [] == [], [None] == [None])
print(None == None, None != 0, 1 == 'a')
