import gc


class Empty:
    __slots__ = ()


class One:
    __slots__ = ("x",)


print(gc.is_tracked(Empty()), gc.is_tracked(One()))
