import sys

try:
    sys.getrefcount()
except TypeError as e:
    print("TypeError:", e)
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError:", e)
