# The size of an int depends on how many 30-bit digits it needs.
import sys
print(sys.getsizeof(0))
print(sys.getsizeof(1), sys.getsizeof(-1), sys.getsizeof(255))
print(sys.getsizeof(2 ** 30 - 1), sys.getsizeof(2 ** 30))
print(sys.getsizeof(2 ** 60 - 1), sys.getsizeof(2 ** 60))
print(sys.getsizeof(2 ** 90), sys.getsizeof(2 ** 100), sys.getsizeof(-2 ** 100))
print(sys.getsizeof(10 ** 100))
