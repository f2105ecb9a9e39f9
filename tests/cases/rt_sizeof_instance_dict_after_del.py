import sys


class C:
    def __init__(self):
        self.a = 1
        self.b = 2


c = C()
del c.a
print(sys.getsizeof(c.__dict__), c.__dict__)
c.a = 3
print(sys.getsizeof(c.__dict__), c.__dict__)
