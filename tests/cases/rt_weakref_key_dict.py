import weakref


class K:
    def __init__(self, n):
        self.n = n


wkd = weakref.WeakKeyDictionary()
k1 = K(1)
k2 = K(2)
wkd[k1] = "one"
wkd[k2] = "two"
print(len(wkd), wkd[k1])
del k1
print(len(wkd), [k.n for k in wkd.keys()])
print(k2 in wkd)
