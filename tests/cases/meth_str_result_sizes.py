import sys
tests = ["ÿ".upper(), "straße".upper(), "abc".upper(), "ABC".lower(), "é".upper(), "x".translate({120: "😀"}),
         "abc".translate({97: None}), "İ".lower(), "ǅ".lower(), "abc".removeprefix("a"), "abc".removeprefix("z"),
         "a b".title(), "abc".format_map({}), "%s" % "é", "{}".format("€"), " x ".strip(), "x".center(5),
         "é".center(3), "€".ljust(2), "a,b".split(",")[0], "é,b".split(",")[0], "€€".partition("€")[2],
         "".join(["a", "é"]), "".join(["a", "€"]), "ab" * 3, "é" * 3, str(b"ab", "ascii"), b"\xc3\xa9".decode(),
         b"\xff".decode("latin-1"), b"\xff".decode("utf-8", "replace"), "😀".encode(), "é".encode("latin-1"),
         b"abc".hex(), bytes.fromhex("00ff"), b"%d" % 5, bytearray(b"a") * 3, b"ab".center(6), b"ab".title()]
for s in tests:
    print(repr(s), sys.getsizeof(s))
for it in [reversed({1: 2}), reversed({1: 2}.items()), iter({1: 2}.items()), reversed([1]), iter({1})]:
    print(type(it).__name__, sys.getsizeof(it))
d = {1: 2}
print(sys.getrefcount(d))
r = reversed(d)
print(sys.getrefcount(d))
list(r)
print(sys.getrefcount(d))
print(sys.getsizeof("É"), sys.getsizeof(chr(201)), sys.getsizeof("é".upper()), sys.getsizeof("xÉ"[1]), sys.getsizeof("ÉÉ"), sys.getsizeof("é"), sys.getsizeof("àé".upper()), sys.getsizeof("é".upper()+""), sys.getsizeof("é".title()), sys.getsizeof("é".swapcase()), sys.getsizeof("é".casefold()),sys.getsizeof("É".lower()), sys.getsizeof("e".upper()))
