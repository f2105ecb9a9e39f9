import sys

print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b"abc")))
print(sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray(100)))
ba = bytearray(b"hello")
ba.extend(b" world")
print(len(ba), sys.getsizeof(ba))
ba.clear()
print(len(ba), sys.getsizeof(ba))
