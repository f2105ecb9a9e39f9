# Every typecode: item size, range limits and round trips.
import array, sys
limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535),
          'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'l': (-2**63, 2**63 - 1), 'L': (0, 2**64 - 1),
          'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1)}
for code, (lo, hi) in limits.items():
    a = array.array(code, [lo, 0, hi])
    print(code, a.itemsize, a, a.tolist() == [lo, 0, hi], sys.getsizeof(a), len(a.tobytes()))
    for bad in (lo - 1, hi + 1):
        try:
            a.append(bad)
        except OverflowError as e:
            print('  ', bad, e)
f = array.array('f', [0.1, 1e38, -2.5, 3])
d = array.array('d', [0.1, 1e308, -2.5, 3])
print(f, d, f.itemsize, d.itemsize, sum(f) == sum(d))
print(array.array('f', [1e39]), array.array('d', [float('inf'), float('-inf')]))
u = array.array('u', 'añ€😀'); print(u, u.itemsize, len(u), u.tolist(), u[3], sys.getsizeof(u))
print(array.typecodes, [array.array(c).typecode for c in array.typecodes])
b = array.array('b', b'\x01\xff'); print(b, array.array('B', bytearray(b'\x01\xff')))
print(array.array('h', b'\x01\x00\xff\xff'), array.array('I', array.array('I', [7, 8])))
