# Indexing a str gives a str of length 1.
word = 'python'
print(word[0], word[5], word[-1], word[-6])
print(len(word), len(''), len('a b'))
print(word[0] + word[-1])
letters = []
i = 0
while i < len(word):
    letters.append(word[i])
    i += 1
print(letters)
