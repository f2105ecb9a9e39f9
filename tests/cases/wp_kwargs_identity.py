# Keyword arguments bind by identity when the names are interned and by
# equality when they are built at run time (dict keys made by join).
def f(a, b=2, *, c=3, **kw):
    return a, b, c, sorted(kw.items())
k = "".join(["b"]); n = "c" * 1
print(f(1, **{k: 5, n: 6, "zz" + "z": 7}))
print(f(a=1, c=0))
try:
    f(1, 2, b=3)
except TypeError as e:
    print(e)
try:
    f(1, **{"".join(["a"]): 2})
except TypeError as e:
    print(e)
