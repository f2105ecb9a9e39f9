# in on a str wants a str on the left.
print('a' in 'abc')
print(1 in 'abc')
