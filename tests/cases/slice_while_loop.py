# A while loop that builds a list and a sum.
i = 0
total = 0
squares = []
while i < 6:
    total += i
    squares.append(i * i)
    i += 1
print(total, squares)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print(steps)
