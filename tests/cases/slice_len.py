# len of lists and strs.
print(len([]), len([1]), len([1, [2, 3], 'four']))
print(len(''), len('hello'), len('caf\u00e9'), len('\U0001f600'))
nested = [[1, 2, 3], []]
print(len(nested[0]), len(nested[1]))
grow = []
grow.append(None)
grow.append(None)
print(len(grow))
