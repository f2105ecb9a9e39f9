# % by zero names the modulo in its message.
a = 17
b = a - a
print(a % b)
