import sys

print(sys.getsizeof("a"), sys.getsizeof(chr(127)), sys.getsizeof(chr(128)))
print(sys.getsizeof(chr(255)), sys.getsizeof(chr(256)), sys.getsizeof(chr(65535)))
print(sys.getsizeof(chr(65536)), sys.getsizeof(chr(0x10FFFF)))
