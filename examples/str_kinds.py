# The four shapes of a str (PEP 393).
#
# CPython stores each string with the narrowest character width that fits
# its largest code point:
#   ASCII    (< 128)     1 byte per character, 40-byte header
#   Latin-1  (< 256)     1 byte per character, 56-byte header
#   UCS-2    (< 65536)   2 bytes per character, 56-byte header
#   UCS-4    (the rest)  4 bytes per character, 56-byte header
# plus one terminating NUL character.
import sys

print("ASCII   'abcd':", sys.getsizeof("abcd"))
print("Latin-1 'abc\\xe9':", sys.getsizeof("abc\xe9"))
print("UCS-2   'abc\\u20ac':", sys.getsizeof("abc\u20ac"))
print("UCS-4   'abc\\U0001f600':", sys.getsizeof("abc\U0001f600"))

# One wide character widens the whole string: every character of a
# 100-character string now costs 4 bytes.
plain = "a" * 100
print("100 x 'a':", sys.getsizeof(plain))
print("99 x 'a' + one emoji:", sys.getsizeof("a" * 99 + "\U0001f600"))

# Each extra ASCII character costs exactly one byte.
s = ""
while len(s) < 5:
    print(repr(s), sys.getsizeof(s))
    s = s + "x"
