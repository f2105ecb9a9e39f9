import gc
import weakref


def make():
    def inner():
        return 1

    return inner


f = make()
rf = weakref.ref(f)
del f
print(rf())


class Temp:
    pass


rt = weakref.ref(Temp)
del Temp
gc.collect()
print(rt())
