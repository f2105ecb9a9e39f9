import sys

print(sys.getsizeof(int))
print(sys.getsizeof(sys) > 0)
try:
    sys.getsizeof(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
