# Subclasses of str: the two-block layout, methods, identity, interning.
import gc
import sys


class S(str):
    pass


s = S("hello")
print(s, repr(s), type(s).__name__, len(s), s[1], s[1:3], isinstance(s, str))
print(sys.getsizeof(S()), sys.getsizeof(s), sys.getsizeof("hello"), sys.getsizeof(S("h\xe9")), sys.getsizeof(S("\u20ac")))
print(gc.is_tracked(s), gc.is_tracked("hello"))
print(s == "hello", "hello" == s, hash(s) == hash("hello"), s + "!", type(s + "!").__name__)
print(s.upper(), type(s.upper()).__name__, s.split("l"), "-".join([s, s]), s * 2, "ell" in s)
print(str(s), type(str(s)).__name__, str(s) is s, s.__str__() == s, type(s.__str__()).__name__)
print({s: 1}["hello"], {"hello": 2}[s], "%s!" % s, s.startswith("he"), s.find("l"))
s.tag = "t"
print(s.tag, s.__dict__)
try:
    sys.intern(s)
except TypeError as e:
    print("TypeError:", e)
print(sys.intern("plain") is sys.intern("pl" + "ain"))


class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())

    def shout(self):
        return self + "!"


u = Upper("abc")
print(u, u.shout(), type(u).__name__, len(u), sys.getsizeof(u))


class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)

    def __repr__(self):
        return "Path(%s)" % str.__repr__(self)


p = Path("usr") / "lib"
print(p, repr(p), type(p).__name__, [p])
print(sys.getrefcount(p))
del p, u, s
print(gc.collect())
