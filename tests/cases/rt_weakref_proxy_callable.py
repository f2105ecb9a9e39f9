import weakref


class Adder:
    def __call__(self, x):
        return x + 1


add = Adder()
p = weakref.proxy(add)
print(p(41))
print(type(p).__name__)
f = weakref.proxy(add, lambda r: print("proxy callback"))
del add
print("end")
