def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __index__(self): return 1
t(lambda: "abc"[I():])
t(lambda: [1, 2, 3][::I()])
t(lambda: (1, 2, 3)[I():I()])
t(lambda: "abc"["a":])
t(lambda: "abc"[1.5:])
t(lambda: [1, 2][::0])
t(lambda: "abc"[10**30:])
t(lambda: "abc"[:-10**30])
t(lambda: "abc"[::10**30])
t(lambda: "abc"[::-10**30])
t(lambda: "abcdef"[slice(1, None, 2)])
t(lambda: slice(1, 10, 2).indices(5))
t(lambda: slice(None).indices(-1))
def f():
    l = [1, 2, 3]; l[I():] = [9]; return l
t(f)
def f():
    l = [1, 2, 3]; l[::2] = 5
t(f)
def f():
    l = [1, 2, 3]; l[::-1] = [4, 5, 6]; return l
t(f)
def f():
    l = [1, 2, 3, 4]; del l[::I()]; return l
t(f)
t(lambda: "abcb".find("b", I()))
t(lambda: "abcb".count("b", I(), I()))
t(lambda: b"abcb".find(b"b", I()))
t(lambda: "abc".startswith("b", I()))
