def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def f():
    l = [3, 1, 2]
    l.sort(key=lambda x: l.append(x))
t(f)
def f():
    l = [3, 1, 2]
    def k(x):
        l.clear()
        return x
    l.sort(key=k)
    return l
t(f)
t(lambda: sorted([3, 1, "a"]))
t(lambda: sorted([{1}, {2}]))
t(lambda: sorted([[1], [0, 5]]))
t(lambda: sorted([None, None]))
t(lambda: sorted([None, 1]))
t(lambda: sorted([1, 2], key=lambda x: "a" if x == 1 else 1))
t(lambda: sorted(["b", "A", "c"], key=str.lower))
t(lambda: sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
t(lambda: sorted([3.5, 1, True, 2]))
t(lambda: [1, 2, 3].sort(key=None, reverse=False))
t(lambda: [1, 2, 3].sort(None))
t(lambda: [].sort(foo=1))
def f():
    l = [1, 2, 3]
    for x in l:
        l.remove(x)
    return l
t(f)
def f():
    l = [1, 2, 3]
    for x in l:
        if len(l) < 6:
            l.append(x)
    return l
t(f)
def f():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
t(f)
def f():
    d = {1: 1}
    for k in d:
        d.pop(k)
        d[k + 1] = 1
t(f)
def f():
    l = [1]; l.append(l); return repr(l), str(l)
t(f)
def f():
    d = {}; d[1] = d; return repr(d)
t(f)
def f():
    l = []; t_ = (l,); l.append(t_); return repr(t_)
t(f)
t(lambda: repr(frozenset({frozenset({1})})))
t(lambda: repr({1: {2: [3, (4,)]}}))
t(lambda: repr(["a'b", 'a"b', "a'\"b", "\n\t\\"]))
t(lambda: str(["é", "\x00", "\u200b"]))
t(lambda: [1, 2, 3].index(2.0))
t(lambda: [1, 2, 3].count(True))
t(lambda: (1, 2) in [(1, 2)])
t(lambda: [1, [2]] * 2)
t(lambda: list(map(str.upper, ["a", "b"])))
t(lambda: list(filter(str.isdigit, ["1", "a"])))
t(lambda: max(["apple", "fig", "banana"], key=len))
t(lambda: min({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
t(lambda: sum([[1], [2]], []))
t(lambda: sum(["a"], ""))
t(lambda: list(zip(*[[1, 2], [3, 4]])))
t(lambda: dict(sorted({"b": 1, "a": 2}.items())))
t(lambda: sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
t(lambda: list(enumerate("ab", start=1)))
t(lambda: [x for x in "abc" if x != "b"])
t(lambda: {x: x * 2 for x in range(3)})
t(lambda: "".join(reversed("abc")))
t(lambda: "abc"[::-1] == "cba")
t(lambda: list("abc") == ["a", "b", "c"])
t(lambda: tuple([1, 2]) + (3,))
t(lambda: set("hello") == set("olleh"))
t(lambda: sorted(set("hello")))
t(lambda: " ".join(w.capitalize() for w in "hello big world".split()))
t(lambda: "hello world".count("o"))
t(lambda: "Hello".swapcase())
t(lambda: "a-b_c d".title())
t(lambda: "ﬃ".upper())
t(lambda: "123abc".isalnum())
t(lambda: "３".isdigit())
t(lambda: "Ⅻ".isnumeric())
t(lambda: "x".ljust(3, "é"))
t(lambda: "é".center(4, "→"))
