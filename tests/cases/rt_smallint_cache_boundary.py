n = 250
m = 250
while n < 260:
    a = n + 1
    b = m + 1
    print(a, a is b)
    n += 1
    m += 1
