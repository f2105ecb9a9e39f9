import gc


class D:
    def __del__(self):
        pass


gc.collect()
a = D()
b = D()
a.b = b
b.a = a
del a, b
print(gc.collect())
print(gc.garbage)
