import sys
import weakref


class C:
    pass


c = C()
print(sys.getrefcount(c))
refs = [weakref.ref(c, lambda r: None) for i in range(5)]
print(sys.getrefcount(c))
p = weakref.proxy(c)
print(sys.getrefcount(c))
