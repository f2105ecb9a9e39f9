# Arrays hold no references but are GC types (tracked), weakly referenceable;
# an exhausted iterator drops its array.
import array, gc, sys, weakref
a = array.array('d', [1.0, 2.0])
print(gc.is_tracked(a), gc.is_tracked(array.array('b')), len(gc.get_referents(a)))
base = sys.getrefcount(a)
it = iter(a); print(sys.getrefcount(a) - base, type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
print(list(it), sys.getrefcount(a) - base)
r = weakref.ref(a, lambda ref: print('array gone'))
print(r() is a)
del a
print(r())
x = array.array('i', range(3))
y = x
x += array.array('i', [3]); print(x is y, y)
x = x + array.array('i', [4]); print(x is y, x, y)
y *= 2; print(y, sys.getsizeof(y))
z = y * 0; print(z, sys.getsizeof(z))
y *= 0; print(y, sys.getsizeof(y))
