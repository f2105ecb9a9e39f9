import weakref


class Res:
    pass


def cleanup(*args):
    print("cleanup", args)


r = Res()
f = weakref.finalize(r, cleanup, 1, 2)
obj, func, args, kwargs = f.peek()
print(obj is r, func is cleanup, args, kwargs)
d = f.detach()
print(d[0] is r, d[2], f.alive, f.peek(), f.detach())
del r
print("no cleanup ran")
