import sys

# CPython stores ints in 30-bit digits
for bits in [29, 30, 31, 59, 60, 61, 89, 90, 91, 120]:
    lo = 2**bits - 1
    hi = 2**bits
    print(bits, sys.getsizeof(lo), sys.getsizeof(hi))
