def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def f():
    d = {1: 1, 2: 2}
    for k, v in d.items():
        d[3] = 3
t(f)
def f():
    d = {1: 1, 2: 2}
    for v in d.values():
        del d[1]
t(f)
def f():
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = 5
    return d
t(f)
def f():
    d = {1: 1, 2: 2}
    for k in list(d):
        del d[k]
    return d
t(f)
def f():
    d = {1: 1, 2: 2}
    it = iter(d)
    del d[1]; d[3] = 3
    return list(it)
t(f)
def f():
    s = {1, 2}
    for x in s:
        s.add(x + 10)
t(f)
def f():
    s = {1, 2}
    it = iter(s)
    s.discard(1); s.add(5)
    return list(it)
t(f)
def f():
    l = [1, 2, 3]
    it = iter(l)
    l.append(4)
    return list(it)
t(f)
def f():
    d = {1: 2}
    k = d.keys()
    d[5] = 6
    return k, len(k), 5 in k
t(f)
def f():
    d = dict.fromkeys("abc")
    v = d.values()
    del d["b"]
    return v, list(reversed(v))
t(f)
