# len of an int.
print(len([1, 2]))
print(len(12))
