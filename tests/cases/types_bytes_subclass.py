# Subclasses of bytes and bytearray.
import gc
import sys


class B(bytes):
    pass


class BA(bytearray):
    pass


b = B(b"hello")
print(b, repr(b), type(b).__name__, len(b), b[0], b[1:3], type(b[1:3]).__name__)
print(sys.getsizeof(B()), sys.getsizeof(b), sys.getsizeof(b"hello"), gc.is_tracked(b))
print(b == b"hello", hash(b) == hash(b"hello"), b + b"!", type(b + b"!").__name__, b.upper(), b.split(b"l"))
print(bytes(b), type(bytes(b)).__name__, B([72, 105]), B(3), B("h\xe9", "utf-8"), b.decode(), b.hex())
b.tag = "t"
print(b.tag)
try:
    import weakref
    weakref.ref(b)
except TypeError as e:
    print("TypeError:", e)

a = BA(b"abc")
print(a, type(a).__name__, sys.getsizeof(BA()), sys.getsizeof(a), gc.is_tracked(a), gc.is_tracked(bytearray()))
a.append(100)
a.extend(b"ef")
a[0] = 65
print(a, len(a), a[1:], type(a[1:]).__name__, a.upper(), type(a.upper()).__name__, bytes(a))
a.__init__(b"reset")
print(a)
a.__init__()
print(a, len(a))


class Packet(bytes):
    def __new__(cls, kind, payload):
        self = super().__new__(cls, bytes([kind]) + payload)
        self.kind = kind
        return self

    def __repr__(self):
        return "Packet(%d, %r)" % (self.kind, bytes(self[1:]))


p = Packet(7, b"data")
print(p, len(p), p[0], p.kind, sys.getsizeof(p))
del p, a, b
print(gc.collect())
