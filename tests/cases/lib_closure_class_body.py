def make_class(factor):
    class Scaled:
        def scale(self, x):
            return x * factor

        def describe(self):
            return "factor %d" % factor
    return Scaled


S = make_class(3)
print(S().scale(4), S().describe(), make_class(5)().scale(2))


def shadowing(value):
    class Box:
        value = "class attribute"

        def get(self):
            return value

        seen = value
    return Box


B = shadowing("from function")
print(B().get(), B.seen, B.value)


def counter():
    count = 0

    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return Counter()


c = counter()
print(c.bump(), c.bump(), c.bump())


def nested(a):
    class Outer:
        class Inner:
            def get(self):
                return a
    return Outer.Inner()


print(nested("deep").get())
