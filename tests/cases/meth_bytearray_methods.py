import sys
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def f():
    b = bytearray(b"abc"); b.extend([100, 101]); b.extend(range(3)); b.extend(b"xy"); return b
t(f)
t(lambda: bytearray(b"a").extend("str"))
t(lambda: bytearray(b"a").extend([256]))
t(lambda: bytearray(b"a").extend(5))
t(lambda: bytearray(b"abc").remove(99) or None)
t(lambda: bytearray(b"abc").remove(b"c"))
t(lambda: bytearray(b"abc").index(99))
t(lambda: bytearray(b"abc").index(b"bc"))
t(lambda: bytearray(b"abc").count(b"c"))
t(lambda: bytearray(b"abc").insert(-10, 65) or None)
t(lambda: bytearray(b"abc").pop(-1))
t(lambda: bytearray(b"abc").pop(10))
t(lambda: bytearray(b"abc").reverse() or None)
t(lambda: bytearray(b"abc") == b"abc")
t(lambda: bytearray(b"abc") < b"abd")
t(lambda: b"abc" == bytearray(b"abc"))
t(lambda: hash(b"abc") == hash(b"abc"))
t(lambda: bytearray(b"a b\x1cc").split())
t(lambda: b"a\x1cb".split())
t(lambda: b"  x ".strip())
t(lambda: bytearray(b"ab").decode())
t(lambda: bytearray([1, 2, 3]))
t(lambda: bytearray("abc", "utf-8"))
t(lambda: bytearray(range(3)))
t(lambda: list(bytearray(b"ab")))
t(lambda: bytearray(b"abc")[::-1])
t(lambda: bytearray(b"ab") + "c")
t(lambda: bytearray(b"ab").join([b"x", bytearray(b"y")]))
t(lambda: b"".join([b"a", memoryview(b"b")]) if False else "skip")
t(lambda: b"abc".startswith(b"a"))
t(lambda: b"abc".startswith("a"))
t(lambda: b"abc".endswith((b"c", b"x")))
t(lambda: b"abc".find(98))
t(lambda: b"abc".find(300))
t(lambda: b"abc".split(b""))
t(lambda: b"a,b".split(","))
t(lambda: b"abc".replace("a", "b"))
t(lambda: b"abc".upper().lower().isalpha())
def f():
    b = bytearray(); out = []
    for i in range(20):
        b.extend(b"xy"); out.append(sys.getsizeof(b))
    for i in range(20):
        del b[:2]; out.append(sys.getsizeof(b))
    return out
t(f)
def f():
    b = bytearray(b"x" * 100); b.clear(); return sys.getsizeof(b)
t(f)
def f():
    b = bytearray(b"hello world"); c = b.upper(); return sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(b.copy()), sys.getsizeof(b[2:])
t(f)
