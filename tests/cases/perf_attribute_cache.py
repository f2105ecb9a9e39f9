# Instance attributes read by the same instruction from objects of several
# classes, while instances and classes change: the interpreter remembers
# where an attribute lives, and must notice every change.
class A:
    def __init__(self, v):
        self.v = v


class B:
    def __init__(self, v):
        self.w = 0
        self.v = v


class C(A):
    @property
    def v(self):
        return "property"

    @v.setter
    def v(self, value):
        self._v = value


def read(o):
    return o.v


objs = [A(1), B(2), C(3), A(4)]
for _ in range(3):
    print([read(o) for o in objs])

a = objs[0]
del a.v
try:
    read(a)
except AttributeError as e:
    print(e)
a.v = 5
print(read(a))
print(sorted(vars(a)))  # the instance's dict becomes a real dict
a.v = 6
print(read(a))
a.__dict__["v"] = 7
print(read(a))

A.v = property(lambda self: "class property")
print(read(objs[3]), read(a))
del A.v
print(read(objs[3]), read(a))


class G:
    def __getattr__(self, name):
        return "fallback " + name


g = G()
print(read(g))
g.v = "own"
print(read(g))


class S:
    __slots__ = ("v",)


s = S()
s.v = "slot"
print(read(s))


# Stores by one instruction into objects of several classes.
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


def write(o, value):
    o.v = value


targets = [A(0), B(0), C(0), Logged(), s]
for round_ in range(3):
    for t in targets:
        write(t, round_)
print([t.v for t in targets], objs[2]._v if hasattr(objs[2], "_v") else None, targets[2]._v)
d = A(1)
vars(d)
write(d, "after vars")
print(d.v, vars(d))
