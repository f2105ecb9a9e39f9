# Attribute lookups on classes stay right while classes change: the
# interpreter remembers lookups, and must forget them when a class, one of
# its bases, or its namespace changes.
class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"


class Child(Base):
    pass


c = Child()
for _ in range(3):
    print(c.kind, c.describe())

Base.kind = "changed"
print(c.kind)
Child.kind = "child"
print(c.kind, Base.kind)
del Child.kind
print(c.kind)


def replacement(self):
    return "replacement"


Base.describe = replacement
print(c.describe())
Child.describe = lambda self: "child lambda"
print(c.describe())
del Child.describe
print(c.describe())

c.kind = "instance"
print(c.kind)
del c.kind
print(c.kind)

try:
    c.missing
except AttributeError as e:
    print(e)
Base.missing = 1
print(c.missing)
del Base.missing
try:
    print(c.missing)
except AttributeError as e:
    print(e)


# Classes made and dropped in a loop: a new class may take a dead one's
# place in memory, and must not see its attributes.
def make(i):
    if i % 2:
        class K:
            value = i
    else:
        class K:
            pass
    return K


for i in range(6):
    K = make(i)
    print(i, getattr(K(), "value", None))
    del K


# A data descriptor added to a base after lookups takes over.
class P:
    pass


p = P()
p.x = 1
print(p.x)
P.x = property(lambda self: "property")
print(p.x)
del P.x
print(p.x)


# Built-in types: their methods, looked up many times.
items = []
for i in range(5):
    items.append(i)
print(items, "".join(["a", "b"]).upper())
