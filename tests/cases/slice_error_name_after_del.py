# A deleted name is unbound again. (CPython's suggestion here is the builtin
# closest in spelling.)
value = [1, 2, 3]
print(value)
del value
print(len(value))
