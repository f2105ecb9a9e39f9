for data in (b"\xff", b"ab\xc3", b"\xe2\x28\xa1"):
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
        print(" ", e)
for text, codec in (("\xe9", "ascii"), ("a\u20ac\u20acb", "latin-1"), ("\ud800", "utf-8")):
    try:
        text.encode(codec)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason)
        print(" ", e)
try:
    b"\x80".decode("ascii")
except ValueError as e:
    print(isinstance(e, UnicodeError), repr(e))
