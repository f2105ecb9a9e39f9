import sys


class One:
    __slots__ = "value"


o = One()
o.value = "v"
print(o.value, sys.getsizeof(o))
print(One.__slots__)
