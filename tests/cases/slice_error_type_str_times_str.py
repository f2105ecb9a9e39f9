# Repeating a sequence needs an int count.
print('ab' * 'cd')
