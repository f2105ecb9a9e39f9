import sys
import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
p = weakref.proxy(c)
r2 = weakref.ref(c, lambda ref: None)
print(sys.getsizeof(r), sys.getsizeof(r2), sys.getsizeof(p))
