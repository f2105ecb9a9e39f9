from collections import Counter
from _collections import _count_elements
d = {}
_count_elements(d, 'abca'); print(d)
try:
    Counter([[1]])
except TypeError as e:
    print(e)
