# Indexing past the end of a str.
word = 'abc'
print(word[-3])
print(word[-4])
