import weakref


class Res:
    pass


def report(name, *, level):
    print("report", name, level)


r = Res()
f = weakref.finalize(r, report, "r", level=3)
print(f.atexit)
keep = Res()
g = weakref.finalize(keep, report, "keep", level=9)
del r
print("end of program")
