# Sizes of None and the bools.
import sys
print(sys.getsizeof(None))
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(1 == 1), sys.getsizeof(not 1))
