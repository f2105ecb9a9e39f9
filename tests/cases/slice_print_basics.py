# print with no, one and several arguments of each basic type.
print()
print(42)
print('hello')
print(None)
print(True, False)
print(1, 'two', None, [3])
print(-7, 0, 1000000)
