# bool is a subclass of int: it takes part in arithmetic and comparison.
print(True + True, True * 10, -True, False - 1)
print(True == 1, False == 0, True is True)
print(True > False, [True, False] == [1, 0])
t = True
t += 1
print(t)
