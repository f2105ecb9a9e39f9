import weakref


class Slotted:
    __slots__ = ("x", "__weakref__")


s = Slotted()
r = weakref.ref(s)
print(r() is s)
print(Slotted.__weakref__.__name__)
del s
print(r())
