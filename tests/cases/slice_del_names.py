# del unbinds names; the name can be bound again afterwards.
a = 1
b = [2]
c = 'three'
del a
del b, c
a = 'again'
print(a)
kept = [1, 2]
other = kept
del kept
print(other)
