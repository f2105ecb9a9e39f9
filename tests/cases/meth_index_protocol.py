def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __index__(self): return 2
t(lambda: [1, 2, 3][I()])
t(lambda: [1] * I())
t(lambda: "ab" * I())
t(lambda: (1,) * I())
t(lambda: b"x" * I())
t(lambda: [1, 2, 3].pop(I()))
t(lambda: "abc".center(I() ))
t(lambda: "abcdef"[I():I()+2])
t(lambda: [1, 2, 3].insert(I(), 0))
t(lambda: "  a b  c ".split(maxsplit=0))
t(lambda: "  a b  c ".rsplit(maxsplit=0))
t(lambda: "a,b,c".rsplit(",", 1))
t(lambda: "a,b,c".split(",", 0))
t(lambda: ",a,".split(","))
t(lambda: "a\r\nb\rc\n".splitlines(True))
t(lambda: "".splitlines())
t(lambda: "".split())
t(lambda: "".split(","))
t(lambda: "abc".split(None, -1))
t(lambda: "aaa".count("aa"))
t(lambda: "aaa".replace("aa", "b"))
t(lambda: "abc".replace("", "-", 2))
t(lambda: "".replace("", "x"))
t(lambda: "abc".find(""))
t(lambda: "abc".find("", 5))
t(lambda: "abc".rfind(""))
t(lambda: "abc".count("", 1))
t(lambda: "abc".startswith(""))
t(lambda: "abc".startswith("", 4))
t(lambda: "abc".endswith(("c", "x"), -1))
class L(list): pass
t(lambda: type(L([1]).copy()).__name__)
t(lambda: type(L([1]) + [2]).__name__)
t(lambda: type(L([1]) * 2).__name__)
t(lambda: type(L([1])[:]).__name__)
t(lambda: repr(L([1, 2])))
def f():
    l = [1, 2]; l.extend(l); return l
t(f)
def f():
    l = [1, 2]; l += l; return l
t(f)
def f():
    l = [1, 2]; l[:] = l; return l
t(f)
def f():
    l = [1, 2]; l.__init__([5]); return l
t(f)
class E:
    def __eq__(self, o): raise ValueError("boom")
t(lambda: [1, E()].index(5))
t(lambda: [E()].count(1))
t(lambda: E() in [1])
t(lambda: [1, 2, 3].remove(E()))
t(lambda: list.__new__(list))
t(lambda: [1, 2].__iter__().__next__())
t(lambda: sorted([1, 2], key=len))
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
big = 10 ** 30
t(lambda: "abc"[big])
t(lambda: "abc"[-big])
t(lambda: [1][big])
t(lambda: (1,)[big])
t(lambda: b"a"[big])
t(lambda: [1] * big)
t(lambda: "a" * big)
t(lambda: "abc"[I("x")])
t(lambda: [1, 2][I(-1)])
t(lambda: bytearray(b"ab")[I(1)])
def f():
    b = bytearray(b"ab"); b[I(0)] = 65; return b
t(f)
def f():
    l = [1, 2]; l[I(0)] = 9; del l[I(1)]; return l
t(f)
t(lambda: range(10)[I(3)])
t(lambda: [1, 2, 3].index(2, I(1)))
t(lambda: "abc".zfill(I(5)))
t(lambda: bytes(I(3)))
t(lambda: [1, 2, 3][True])
t(lambda: "abc"[False])
