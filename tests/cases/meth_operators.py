def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [1, 2] < [1, 'a'])
t(lambda: [1, 'a'] < [1, 2])
t(lambda: [1, 2] == [1, 'a'])
t(lambda: (1, 2) > (1, None))
t(lambda: {1: 2} < {1: 2})
t(lambda: {1} < {1: 2})
t(lambda: "a" < b"a")
t(lambda: b"a" < "a")
t(lambda: [1] + "a")
t(lambda: "a" + [1])
t(lambda: (1,) + "a")
t(lambda: [1] * [2])
t(lambda: [1] - [1])
t(lambda: {1} + {2})
t(lambda: {1: 2} + {3: 4})
t(lambda: {1: 2} - {3: 4})
t(lambda: "a" - "b")
t(lambda: "a" * "b")
t(lambda: "abc" * 2.5)
t(lambda: -2 * "ab")
t(lambda: [None] * -5)
t(lambda: (1, 2) * -1)
t(lambda: b"ab" * -1)
t(lambda: bytearray(b"ab") * 2)
t(lambda: 3 * bytearray(b"ab"))
def f():
    l = [1, 2]; l += "ab"; l += range(2); l += {9}; l += {5: 6}.items(); return l
t(f)
def f():
    l = [1]; l += 5
t(f)
def f():
    t_ = (1,); t_ += [2]
t(f)
def f():
    s = "a"; s += 1
t(f)
def f():
    b = bytearray(b"a"); c = b; b += b"bc"; b += bytearray(b"d"); b *= 2; return b is c, b
t(f)
def f():
    b = bytearray(b"a"); b += "x"
t(f)
def f():
    b = bytearray(b"a"); b += [1]
t(f)
def f():
    s = {1}; s |= [2]
t(f)
def f():
    s = {1}; s -= 1
t(f)
def f():
    d = {1: 2}; d |= 5
t(f)
def f():
    d = {1: 2}; d |= [1]
t(f)
t(lambda: {1: 2} | [(3, 4)])
t(lambda: [(3, 4)] | {1: 2})
t(lambda: {1: 2}.keys() | [3])
t(lambda: [3] | {1: 2}.keys())
t(lambda: {1: 2}.keys() - [1])
t(lambda: [1, 5] - {1: 2}.keys())
t(lambda: {1: 2}.values() | {1})
t(lambda: list(range(10))[::-3])
t(lambda: list(range(10))[-3:-8:-2])
t(lambda: list(range(10))[8:2])
t(lambda: list(range(10))[::0])
t(lambda: "hello"[::-2])
t(lambda: "hello"[10:])
t(lambda: (1, 2, 3)[::-1])
t(lambda: (1, 2, 3)[-10:10])
t(lambda: range(10)[::-2])
t(lambda: b"hello"[::-1])
t(lambda: bytearray(b"hello")[1:3])
def f():
    l = list(range(10)); l[::3] = "abcd"; return l
t(f)
def f():
    l = list(range(10)); l[::3] = "ab"
t(f)
def f():
    l = list(range(10)); l[2:5] = []; l[0:0] = (7, 8); l[-1:] = [[1]]; return l
t(f)
def f():
    l = list(range(10)); del l[::-2]; return l
t(f)
def f():
    l = list(range(5)); l[1:3] = l; return l
t(f)
def f():
    b = bytearray(b"hello"); b[::2] = b"xyz"; del b[1]; b[0:1] = b"AB"; return b
t(f)
def f():
    b = bytearray(b"hello"); b[0] = 256
t(f)
def f():
    b = bytearray(b"hello"); b[0] = b"a"
t(f)
def f():
    s = "abc"; s[0] = "x"
t(f)
def f():
    t_ = (1,); t_[0] = 2
t(f)
def f():
    b = b"abc"; b[0] = 1
t(f)
def f():
    t_ = (1,); del t_[0]
t(f)
t(lambda: [1, 2, 3].__getitem__(slice(1, None)))
t(lambda: [] == ())
t(lambda: [1] != (1,))
t(lambda: set() == frozenset())
t(lambda: {1: 2}.keys() == {1})
t(lambda: {1: 2}.items() == {(1, 2)})
t(lambda: {1: 2}.values() == {1: 2}.values())
t(lambda: max([1, 'a']))
t(lambda: sorted([(1, 'a'), (1, 2)]))
t(lambda: [3, 1, 2].sort() or None)
t(lambda: sorted({3: 1, 1: 2}))
t(lambda: sorted("hello", reverse=True))
t(lambda: "".join(sorted("hello")))
t(lambda: list(reversed("abc")))
t(lambda: list(reversed(range(3))))
t(lambda: reversed({1, 2}))
t(lambda: reversed(iter([1])))
t(lambda: min([], default=0))
t(lambda: [1, [2, [3]]] == [1, [2, [3]]])
t(lambda: (1, 2) + (3,) * 2)
t(lambda: "ab" "cd" * 2)
t(lambda: [[0] * 2] * 2)
t(lambda: "a,b".split(",") + ["c"])
t(lambda: {**{1: 2}, **{1: 3}})
t(lambda: [*"ab", *[1]])
t(lambda: {*"aa", *[1]} == {"a", 1})
import sys
b = bytearray(b'abc'); c = b
b *= 3; print(b, b is c, sys.getsizeof(b))
b *= 1; print(b, b is c, sys.getsizeof(b))
b *= 0; print(b, b is c, sys.getsizeof(b))
b = bytearray(b'xy'); b *= -2; print(b, sys.getsizeof(b))
b = bytearray(b'xy'); b += b'z' * 10; print(sys.getsizeof(b)); b *= 5; print(sys.getsizeof(b), len(b))
