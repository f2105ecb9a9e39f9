# The collector clears weak references to garbage and calls the callbacks
# of the weakrefs that survive; a weakref that is garbage itself stays silent.
import gc
import weakref
gc.collect()
log = []
lst = []
m = lst.append
lst.append(m)
r = weakref.ref(m, log.append)
del lst, m
print(r() is None)
print(gc.collect())
print(r() is None, len(log), log[0] is r)
lst2 = []
m2 = lst2.append
lst2.append(weakref.ref(m2, log.append))
del m2, lst2
print(gc.collect())
print(len(log))
lst3 = []
m3 = lst3.append
lst3.append(m3)
lst3.append(weakref.ref(m3, log.append))
del m3, lst3
print(gc.collect())
print(len(log))
mod = weakref.ref(gc)
print(mod() is gc, weakref.getweakrefcount(gc))
