n = -1
while n > -9:
    a = n - 1
    b = n - 1
    print(a, a is b)
    n -= 1
