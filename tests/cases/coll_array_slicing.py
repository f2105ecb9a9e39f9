# Slices of arrays are arrays; slice assignment takes arrays of the same kind.
import array, sys
a = array.array('i', range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[5:2], a[:], type(a[1:2]).__name__)
print(sys.getsizeof(a[2:5]), sys.getsizeof(a[:0]), sys.getsizeof(a[:]))
a[2:5] = array.array('i', [20, 30]); print(a)
a[0:0] = array.array('i', [-1, -2]); print(a)
a[::2] = array.array('i', range(0, 100, 20)); print(a)
del a[1::3]; print(a, len(a))
del a[:]; print(a, sys.getsizeof(a))
b = array.array('d', [1.0, 2.0, 3.0])
for value in ([1.0], array.array('f', [1.0]), array.array('d', [1.0])):
    try:
        b[0:1] = value
        print('ok', b)
    except TypeError as e:
        print('TypeError:', e)
try:
    b[::2] = array.array('d', [9.0])
except ValueError as e:
    print('ValueError:', e)
b[-1] = 7; b[0] = -0.5; print(b, b[-1], b[0])
try:
    b[3] = 1.0
except IndexError as e:
    print('IndexError:', e)
c = array.array('B', b'abcdef'); c[1:3] = c[3:5]; print(c.tobytes()); c[:] = c[::-1]; print(c.tobytes())
