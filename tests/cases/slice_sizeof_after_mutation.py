# Replacing an item keeps a list's size; del and append resize it.
import sys
a = [1, 2, 3, 4]
before = sys.getsizeof(a)
a[0] = 'a long string that does not count'
print(sys.getsizeof(a) == before)
del a[0]
print(sys.getsizeof(a), len(a))
a.append(5)
a.append(6)
print(sys.getsizeof(a), len(a))
