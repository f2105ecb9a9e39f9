print((1 < 2) is True, (1 > 2) is False)
print(bool(5) is True, bool(0) is False)
print(not None is True)
t = True + 0
print(t is 1, type(t).__name__)
