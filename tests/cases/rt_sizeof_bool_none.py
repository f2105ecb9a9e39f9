import sys

print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(None))
print(sys.getsizeof(...), sys.getsizeof(NotImplemented))
print(sys.getsizeof(True + True), sys.getsizeof(int(True)))
