import weakref


class V:
    pass


wvd = weakref.WeakValueDictionary()
v = V()
wvd[1] = v
del v
try:
    wvd[1]
except KeyError as e:
    print("KeyError", e)
