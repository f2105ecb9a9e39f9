# Augmented assignment: ints and strs rebind, lists change in place.
n = 10
n += 5
print(n)
n -= 3
print(n)
n *= 4
print(n)
n //= 5
print(n)
n %= 4
print(n)
n **= 10
print(n)
s = 'ab'
t = s
s += 'cd'
print(s, t)
items = [1]
alias = items
items += [2, 3]
print(items, alias)
