def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: {1,2,3}.copy())
def f():
    a = {1,2,3}; b = a
    a |= {4}; a &= {1,2,4,9}; a -= {1}; a ^= {7, 2}
    return a is b, a
t(f)
def f():
    a = frozenset({1,2}); b = a
    a |= {4}
    return a is b, a
t(f)
def f():
    a = {1, 2}
    a |= [3]
t(f)
t(lambda: {1}.add())
t(lambda: {1,2}.issubset())
t(lambda: {1,2}.copy(1))
t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: [].remove())
t(lambda: [].extend())
t(lambda: [].count())
t(lambda: [].index())
t(lambda: [].insert(1))
t(lambda: [].pop(1, 2))
t(lambda: [].copy(1))
t(lambda: [].append(x=1))
t(lambda: [1, 2, 3].index(2, -2))
t(lambda: [1, 2, 3].index(1, 1))
t(lambda: [1, 2, 3].index(3, 0, 2))
t(lambda: [1, 2, 3, 2].index(2, 2, 100))
t(lambda: {}.keys(1))
t(lambda: {}.get())
t(lambda: {}.pop(1, 2, 3))
t(lambda: (1, 2).index())
t(lambda: "abc".find())
t(lambda: "abc".find('a', 1, 2, 3))
t(lambda: "abc".startswith())
t(lambda: "abc".upper(1))
t(lambda: "abc".join())
t(lambda: "x".isdigit(1))
t(lambda: "abc".replace('a', 'b', count=1))
t(lambda: "abc".center())
t(lambda: "abc".center(5, 2))
t(lambda: "abc".strip(1))
t(lambda: "abc".strip('a', 'b'))
t(lambda: "abc".partition())
t(lambda: "abc".startswith(1))
t(lambda: "abc".startswith((1,)))
t(lambda: "  a  b  ".rsplit(maxsplit=1))
t(lambda: "  a  b  ".split(maxsplit=1))
t(lambda: "a b c ".rsplit(None, 1))
t(lambda: b"  a  b  ".rsplit(maxsplit=1))
t(lambda: b"  a  b  ".split(maxsplit=1))
