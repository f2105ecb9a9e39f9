# with statements: one or several items, `as` targets, nesting, and the
# order of __enter__ / __exit__ calls.


class CM:
    def __init__(self, name, value=None):
        self.name = name
        self.value = value

    def __enter__(self):
        print("enter", self.name)
        return self if self.value is None else self.value

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb)
        return False


with CM("a") as a:
    print("body", a.name)

with CM("x"), CM("y") as y:
    print("two items", y.name)

with CM("outer") as o:
    with CM("inner", 42) as i:
        print("nested", o.name, i)


class Box:
    pass


box = Box()
with CM("attr", "value") as box.item:
    print("attribute target", box.item)

with CM("tuple", (1, (2, 3))) as (first, (second, third)):
    print("tuple target", first, second, third)

with CM("list", [4, 5, 6]) as [head, *tail]:
    print("starred target", head, tail)

d = {}
with CM("subscript", "v") as d["k"]:
    pass
print(d)

with CM("no as"):
    pass


def in_function(n):
    total = 0
    with CM("func") as cm:
        for k in range(n):
            total += k
        local = cm.name
    return total, local


print(in_function(4))
with CM("enter result is kept", []) as items:
    items.append(1)
print(items)
