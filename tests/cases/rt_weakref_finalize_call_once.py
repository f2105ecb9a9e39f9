import weakref


class Res:
    pass


def cleanup(tag):
    print("cleanup", tag)
    return tag + "!"


r = Res()
f = weakref.finalize(r, cleanup, "x")
print(f())
print(f())
print(f.alive)
del r
print("end")
