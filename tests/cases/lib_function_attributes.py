def area(w: float, h: float = 1.0) -> float:
    """Rectangle area."""
    return w * h


print(area.__name__, area.__qualname__, area.__doc__, area.__module__)
print(area.__defaults__, area.__kwdefaults__, area.__dict__)
area.units = "m2"
area.__dict__["calls"] = 0
print(area.units, area.calls, sorted(area.__dict__))
area.__name__ = "rect_area"
area.__qualname__ = "geometry.rect_area"
area.__doc__ = None
print(area.__name__, area.__qualname__, area.__doc__)
area.__defaults__ = (2.0,)
print(area(3))
area.__defaults__ = None
try:
    area(3)
except TypeError as e:
    print("TypeError:", e)
try:
    area.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    area.__dict__ = 3
except TypeError as e:
    print("TypeError:", e)
area.__dict__ = {"fresh": True}
print(area.fresh, area.__dict__)
try:
    area.missing
except AttributeError as e:
    print("AttributeError:", e)
del area.fresh
print(area.__dict__)
try:
    del area.fresh
except AttributeError as e:
    print("AttributeError:", e)


def kwonly(*, a=1, b):
    return a, b


print(kwonly.__kwdefaults__, kwonly(b=2))
kwonly.__kwdefaults__ = {"a": 5, "b": 6}
print(kwonly())
print(len.__name__, len.__qualname__, len.__module__, len.__self__)
print([].append.__name__, [].append.__qualname__, type([].append.__self__).__name__)


class K:
    def method(self):
        "doc of method"


print(K.method.__qualname__, K().method.__doc__, K.__doc__, K().method.__name__)
