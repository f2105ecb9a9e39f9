import weakref


class Res:
    pass


def cleanup(name):
    print("cleanup", name)


r = Res()
f = weakref.finalize(r, cleanup, "r")
print(f.alive)
del r
print(f.alive)
print(f())
