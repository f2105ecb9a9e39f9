import gc


class A:
    pass


gc.collect()
x = A()
y = A()
x.other = y
y.other = x
x.__dict__
del x, y
print("one dict touched:", gc.collect())
x = A()
y = A()
x.other = y
y.other = x
x.__dict__
y.__dict__
del x, y
print("both touched:", gc.collect())
