import sys

for b in [b"", b"a", b"abcdefg", b"abcdefgh", bytes(10), bytes(100), b"x" * 1000]:
    print(len(b), sys.getsizeof(b))
print(sys.getsizeof(b"ab" + b"cd"), sys.getsizeof(b"hello"[1:3]))
print(sys.getsizeof("caf\xe9".encode()), sys.getsizeof("caf\xe9".encode("latin-1")))
