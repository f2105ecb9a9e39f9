import weakref


class V:
    def __init__(self, n):
        self.n = n


wvd = weakref.WeakValueDictionary()
v1 = V(1)
print(wvd.setdefault("k", v1).n)
v2 = V(2)
print(wvd.setdefault("k", v2).n)
print(wvd.pop("k").n, len(wvd))
wvd["x"] = v2
items = sorted((k, v.n) for k, v in wvd.items())
print(items)
