# The int/str conversion digit limit (sys.set_int_max_str_digits), hash(''), the ** message.
import sys
n = 10 ** 5000
for f in (lambda: str(n), lambda: repr(-n), lambda: f"{n}", lambda: print(n), lambda: int('9' * 4301), lambda: int('1_' * 4300 + '1'), lambda: '%d' % n, lambda: format(n, 'd'), lambda: str(2 ** 20000)):
    try:
        r = f()
        print('ok', len(r) if isinstance(r, str) else r)
    except ValueError as e:
        print('ValueError', e)
print(len(str(10 ** 4299)), len(str(-10 ** 4299)), int('9' * 4300) > 0, len(hex(n)), int('f' * 5000, 16) > 0)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(n)))
sys.set_int_max_str_digits(5001)
print(len(str(n)), sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
print(hash(''))
try:
    2 ** 'a'
except TypeError as e:
    print(e)
try:
    pow(2, 'a')
except TypeError as e:
    print(e)
