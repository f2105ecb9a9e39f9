def t(f):
    try:
        r = f()
        print(ascii(r))
    except Exception as e:
        print(type(e).__name__ if type(e).__name__ not in ('UnicodeEncodeError', 'UnicodeDecodeError') else 'UnicodeError', e)
for b in [b"\xe4\xb8", b"\xe4\xb8x", b"\xe4x", b"\xed\xa0\x80", b"\xf0\x80", b"\xc0\x80", b"a\xf4\x90", b"\xe4", b"\xf0\x9f\x98", b"ok \xe2\x82\xac \xf0\x9f\x98\x80", b"\xff\xfe"]:
    t(lambda: b.decode())
    for h in ["replace", "ignore", "backslashreplace"]:
        t(lambda: b.decode("utf-8", h))
    t(lambda: b.decode("ascii", "replace"))
    t(lambda: b.decode("latin-1"))
    t(lambda: b.decode("ascii"))
    t(lambda: str(b, "utf-8", "replace"))
for h in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
    t(lambda: "é€😀x".encode("ascii", h))
    t(lambda: "é€😀x".encode("latin-1", h))
    t(lambda: "é€😀x".encode(errors=h))
t(lambda: "é".encode("ascii", "bogus"))
t(lambda: b"\xff".decode("utf-8", "bogus"))
t(lambda: b"\xff".decode("bogus"))
t(lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))
t(lambda: "ab€".encode("ascii"))
t(lambda: "ab€€".encode("latin-1"))
t(lambda: "ab\ud800".encode())
t(lambda: "ab\ud800\udc00".encode("utf-8", "replace"))
t(lambda: "x".encode("UTF_8"))
t(lambda: "x".encode("Latin1"))
t(lambda: "x".encode(1))
t(lambda: b"x".decode(errors=1))
