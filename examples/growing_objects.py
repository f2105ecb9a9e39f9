# Strings are immutable: "growing" one builds a new object each time.
# Lists are mutable: they grow in place and keep spare room.
# Ints grow by whole 30-bit "digits" of 4 bytes each.
import sys

s = "ab"
t = s + "cd"
print("s:", sys.getsizeof(s), " s + 'cd':", sys.getsizeof(t))
print("same object?", s is t)

items = [0] * 20
before = sys.getsizeof(items)
items.append(1)
print("[0] * 20:", before, "bytes; after one append:", sys.getsizeof(items))

# 2**30 needs a second digit, 2**60 a third, 2**90 a fourth.
# (0 is special: 28 bytes although it has no digit at all.)
bits = 0
x = 1
while bits <= 90:
    print("2**", bits, " - 1: ", sys.getsizeof(x - 1), " bytes; 2**", bits, ": ", sys.getsizeof(x), " bytes", sep="")
    bits += 30
    x = x * 2 ** 30
