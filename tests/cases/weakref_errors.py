# What cannot be weakly referenced, and the argument errors.
import weakref
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy({})
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(print, None, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(print, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(print)(1)
except TypeError as e:
    print("TypeError:", e)
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
print(weakref.ref(print) is weakref.ref(print, None))
