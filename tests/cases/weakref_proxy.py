# Proxies forward to their referent until it dies.
import weakref
lst = []
f = lst.append
p = weakref.proxy(f)
print(type(p), weakref.proxy(f) is p)
p(1)
p(2)
print(lst)
print(weakref.getweakrefcount(f))
r = weakref.ref(f)
print(weakref.getweakrefs(f)[0] is r, weakref.getweakrefs(f)[1] is p)
del f
try:
    p(3)
except Exception as e:
    print(type(e).__name__, e)
print(lst)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
