# str.upper() and str.lower() of ASCII text (mapped byte for byte) next to
# non-ASCII text, subclasses and one-character results: fresh objects, sizes.
import sys
for s in ["", "a", "A", "abcXYZ-09_{}[]@`", "héllo", "ß", "ς", "Σ", "ABΣ", "x"*50]:
    u, l = s.upper(), s.lower()
    print(repr(u), repr(l), sys.getsizeof(u), sys.getsizeof(l), u is s, l is s, len(u))
class S(str): pass
print(type(S("ab").upper()), S("ab").upper(), S("").lower() == "")
a = "q"; print(a.upper() is "Q".upper(), a.lower() is a)
print("abc".upper().isascii(), {"AB".lower(): 1})
