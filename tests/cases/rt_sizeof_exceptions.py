import sys


class AppError(Exception):
    pass


print(sys.getsizeof(Exception()), sys.getsizeof(ValueError("bad")))
print(sys.getsizeof(KeyError("k")), sys.getsizeof(StopIteration(1)))
print(sys.getsizeof(AppError("x", "y")), sys.getsizeof(AppError().args))
try:
    1 / 0
except ZeroDivisionError as e:
    print(sys.getsizeof(e), sys.getsizeof(e.__traceback__))
