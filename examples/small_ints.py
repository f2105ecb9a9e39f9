# The small-int cache: -5 through 256 exist once each, so every
# computation that yields one of them returns the same object.
# Bigger ints are made fresh each time, so `is` tells them apart
# even when `==` says they are equal.
n = 250
while n <= 260:
    a = n + 0 * n        # computed at run time
    b = n * 1
    print(n, "a == b:", a == b, " a is b:", a is b)
    n += 1

# The same on the negative side.
m = -3
while m >= -8:
    x = m - 0 * m
    y = m * 1
    print(m, x is y)
    m -= 1

# Literals are different: equal constants in one file are merged into a
# single object when the file is compiled, so these two names share it.
p = 1000
q = 1000
print("p is q:", p is q)
