# Unary minus of a str.
word = 'abc'
print(-word)
