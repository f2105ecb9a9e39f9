print((1 < 2) is True, (1 > 2) is False)
print(bool(5) is True, bool(0) is False)
print(not None is True)
one = 1
two = 2
yes = True
t = yes + 0
print(t is one, type(t).__name__)
print((yes + yes) is two, (yes * 300) is (one * 300))
