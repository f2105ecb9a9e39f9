# Allocations larger than any memory raise MemoryError (heaplab's region has
# a limit, 256 MiB by default); the program catches it and goes on.
tests = [
    ('bytearray', lambda: bytearray(2**62)),
    ('bytes', lambda: bytes(2**62)),
    ('list repeat', lambda: [0] * 2**62),
    ('list repeat 2', lambda: [None, None] * 2**61),
    ('str repeat', lambda: 'ab' * 2**61),
    ('bytes repeat', lambda: b'ab' * 2**61),
    ('tuple repeat', lambda: (1, 2) * 2**61),
]
for name, make in tests:
    try:
        make()
        print(name, 'made')
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e)

data = [bytearray(1000) for i in range(100)]
print(len(data), sum(len(b) for b in data))
try:
    data.append(bytearray(2**62))
except MemoryError:
    print('MemoryError', len(data))
del data
print('still running')
