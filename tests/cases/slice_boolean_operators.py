# and / or return one of their operands; not always returns a bool.
print(0 or 'fallback', 'first' or 'second')
print([] and 'never', [0] and 'then')
print(None or 0, None and 1)
print(not [], not [0], not '', not 'x', not None, not 0)
print(1 and 2 and 3, 0 or '' or [] or None)
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not x == 5)
