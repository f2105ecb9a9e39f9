def t(f):
    try:
        r = f()
        print(ascii(r))
    except Exception as e:
        print(type(e).__name__ if type(e).__name__ not in ('UnicodeEncodeError', 'UnicodeDecodeError') else 'UnicodeError', e)
tests = [b"a\x00b", b"\x00\xd8a\x00", b"\x00\xdca\x00", b"a\x00\x00\xd8", b"a\x00\x00\xd8\x00", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00", b"", b"\xff\xfe", b"=\xd8\x00\xde"]
for b in tests:
    for enc in ["utf-16", "utf-16-le", "utf-16-be", "UTF16"]:
        for h in ["strict", "replace", "ignore", "backslashreplace"]:
            t(lambda: b.decode(enc, h))
for b in [b"\xff\xfe\x00\x00h\x00\x00\x00", b"h\x00\x00", b"\x00\xd8\x00\x00", b"\x00\x00\x11\x00", b"\x00\x00\xfe\xff\x00\x00\x00h", b"h\x00\x00\x00", b""]:
    for enc in ["utf-32", "utf-32-le", "utf-32-be"]:
        for h in ["strict", "replace"]:
            t(lambda: b.decode(enc, h))
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf_16", "U32"]:
    t(lambda: "hé😀".encode(enc))
    t(lambda: "".encode(enc))
    t(lambda: "\ud800".encode(enc))
    t(lambda: "a\ud800\udc00b".encode(enc))
    t(lambda: "\ud800x".encode(enc, "replace"))
    t(lambda: "\ud800x".encode(enc, "backslashreplace"))
    t(lambda: "\ud800x".encode(enc, "xmlcharrefreplace"))
    t(lambda: "\ud800x".encode(enc, "ignore"))
    t(lambda: "hé😀".encode(enc).decode(enc))
t(lambda: str("hi".encode("utf-16"), "utf-16"))
t(lambda: len("😀".encode("utf-16-le")))
