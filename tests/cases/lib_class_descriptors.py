class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("%s must be int" % self.name[1:])
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, type(Point.x).__name__, p.__dict__)
try:
    p.x = "a"
except TypeError as e:
    print("TypeError:", e)
del p.y


class Constant:
    def __init__(self, value):
        self.value = value

    def __get__(self, obj, objtype=None):
        return self.value, obj is None, objtype.__name__


class Holder:
    c = Constant(5)


h = Holder()
print(Holder.c, h.c)
h.__dict__["c"] = "instance"
print(h.c)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Report:
    calls = 0

    @Lazy
    def total(self):
        Report.calls += 1
        return 42


r = Report()
print(r.total, r.total, Report.calls)
