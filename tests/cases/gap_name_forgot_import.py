# A NameError for a standard-library module's name suggests importing it.
abd = 1
print('start')
print(abc)
