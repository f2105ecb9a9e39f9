# + joins strs; * repeats them (a count <= 0 gives '').
a = 'heap'
b = 'lab'
print(a + b, a + ' ' + b)
print('ab' * 3, 3 * 'ab', 'x' * 0, 'x' * -2)
line = '-' * 20
print(line)
s = ''
n = 0
while n < 5:
    s += 'ab'
    n += 1
print(s, len(s))
