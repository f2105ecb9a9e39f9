# del removes list items by index, shifting the rest down.
letters = ['a', 'b', 'c', 'd', 'e']
del letters[0]
print(letters)
del letters[-1]
print(letters)
del letters[1]
print(letters, len(letters))
