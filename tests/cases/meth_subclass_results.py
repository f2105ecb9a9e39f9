class S(str): pass
class B(bytes): pass
class BA(bytearray): pass
s = S("Hello World")
for name in ["upper", "lower", "strip", "title", "casefold", "swapcase", "capitalize"]:
    r = getattr(s, name)()
    print(name, type(r).__name__, r)
for r in [s.removeprefix("x"), s.removeprefix("He"), s.translate({}), s.format_map({}), s.center(3), s.zfill(3), s.replace("x", "y"), s.split()[0], s.partition(" ")[0], s.expandtabs(), s.ljust(20), s[:], s[0], s * 1, s + ""]:
    print(type(r).__name__, repr(r))
b = B(b"Hello World")
for r in [b.upper(), b.strip(), b.removeprefix(b"x"), b.center(3), b.zfill(3), b.partition(b" ")[0], b.partition(b"q")[0], b.translate(None), b.title(), b[:], b * 1, b.split()[0], b.replace(b"x", b"y"), b.capitalize(), b.ljust(3), b.expandtabs()]:
    print(type(r).__name__, repr(r))
ba = BA(b"Hello World")
for r in [ba.upper(), ba.strip(), ba.removeprefix(b"x"), ba.center(3), ba.zfill(3), ba.partition(b" ")[0], ba.title(), ba[:], ba * 1, ba.copy(), BA.fromhex("41"), bytearray.fromhex("41")]:
    print(type(r).__name__, repr(r))
import sys
s = "plain text"
print(s.format() is s, s.format_map({}) is s, "a{{b".format(), "x{}".format(1))
print(sys.getrefcount(s))
t = s.format()
print(sys.getrefcount(s))
