import weakref


class Slotted:
    __slots__ = ("x",)


s = Slotted()
try:
    weakref.ref(s)
except TypeError as e:
    print(e)
