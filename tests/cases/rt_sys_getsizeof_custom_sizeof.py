import sys


class Sized:
    def __sizeof__(self):
        return 100


class Tracked:
    def __init__(self):
        self.x = 1

    def __sizeof__(self):
        return 7


print(sys.getsizeof(Sized()))
print(sys.getsizeof(Tracked()))
print(Sized().__sizeof__(), [].__sizeof__(), (1, 2).__sizeof__(), "ab".__sizeof__())
