import weakref


class Res:
    pass


r = Res()
weakref.finalize(r, print, "first finalizer")
weakref.finalize(r, print, "second finalizer")
weakref.ref(r, lambda x: print("plain callback"))
keep = weakref.ref(r, lambda x: print("kept callback"))
del r
print("end")
