import gc


class C:
    pass


class S:
    __slots__ = ()


def f():
    pass


print(gc.is_tracked(C()), gc.is_tracked(S()), gc.is_tracked(f))
print(gc.is_tracked(C), gc.is_tracked(int), gc.is_tracked(object()))
print(gc.is_tracked(iter([])), gc.is_tracked(x for x in ()))
