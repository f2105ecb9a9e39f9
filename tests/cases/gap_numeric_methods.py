# int and float methods and attributes, iter(callable, sentinel), abs/round
# with special methods, pow with a negative exponent and a modulus.
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (2**100).bit_length())
print((7).bit_count(), (-7).bit_count(), (2**64 - 1).bit_count())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, byteorder='little'), (5).to_bytes())
print((-1).to_bytes(2, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True), (2**70).to_bytes(9, 'big'))
for args, kw in [((1, 'big'), {}), ((1, 'big'), {'signed': True})]:
    for v in (256, -1, 128, -129):
        try:
            print(v, v.to_bytes(*args, **kw))
        except OverflowError as e:
            print(v, 'OverflowError', e)
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\x00\x01'))
print(int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'', 'big'))
print(int.from_bytes(bytes(range(20)), 'little'))
for bad in [lambda: (5).to_bytes(2, 'middle'), lambda: (5).to_bytes(-1, 'big'), lambda: int.from_bytes(b'1', 5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), True.real, True.numerator)
print((6).as_integer_ratio(), True.as_integer_ratio(), (3).is_integer(), hasattr(1, 'real'))
print((1.5).is_integer(), (2.0).is_integer(), float('inf').is_integer(), (0.75).as_integer_ratio())
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e20).as_integer_ratio(), (0.0).as_integer_ratio())
for v in (float('inf'), float('nan')):
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in (1.5, -0.1, 0.0, -0.0, 1e300, 5e-324, 1e-320, 3.0, float('inf')):
    print(v.hex(), float.fromhex(v.hex()) == v)
for s in ('0x1.8p1', '1.8p1', '-0x1p-1074', ' 0X1.FFFFFFFFFFFFFp1023 ', 'inf', '-nan', '0x.8', 'ff'):
    print(s, float.fromhex(s))
for s in ('zz', '0x', '0x1p', '0x1p1024'):
    try:
        float.fromhex(s)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((2.5).real, (2.5).imag, (2.5).conjugate(), (3.7).__trunc__(), (-3.7).__floor__(), (3.2).__ceil__())
it = iter([1, 2, 3, 4]).__next__
print(list(iter(it, 3)))
lines = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(lines), '')))
print(next(iter(lambda: 1, 1), 'done'))
try:
    iter(5, 5)
except TypeError as e:
    print(e)
class V:
    def __init__(self, x): self.x = x
    def __abs__(self): return 'abs %d' % self.x
    def __round__(self, n=None): return ('round', n)
print(abs(V(3)), round(V(1)), round(V(1), 2))
print(abs(True), abs(-0.0), abs(-2**70), abs(-3.5))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(3, -1, -7), pow(-3, -2, 10))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
for f in (lambda: min([]), lambda: max(()), lambda: divmod(1.0, 0), lambda: 1.0 % 0.0, lambda: 5 % 0.0):
    try:
        f()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print([n for n in dir(int) if not n.startswith('_')], [n for n in dir(float) if not n.startswith('_')])
class N(int):
    pass
print(N(5).real, type(N(5).numerator).__name__, True.imag, hasattr(int, 'real'), (2.5).imag, hasattr(bool, 'denominator'))
