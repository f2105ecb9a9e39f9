# Global and builtin names stay right while the namespaces change: the
# interpreter remembers where a name was found, and must notice new,
# deleted and shadowing names.
def show():
    return len("abc"), value


value = 1
for _ in range(3):
    print(show())
value = 2
print(show())


def len(x):
    return "shadowed"


print(show())
del len
print(show())

import builtins
saved = builtins.len
builtins.len = lambda x: "patched builtin"
print(show())
builtins.len = saved
print(show())
del value
try:
    show()
except NameError as e:
    print(e)
globals()["value"] = 3
print(show())

# Many globals: the namespace grows and is resized between lookups.
for i in range(40):
    globals()["g%d" % i] = i
print(show(), g39)


# A function run with other globals.
code = "def f():\n    return value * 10\n"
ns = {"value": 7}
exec(code, ns)
print(ns["f"]())
ns["value"] = 8
print(ns["f"]())
del ns["value"]
try:
    ns["f"]()
except NameError as e:
    print(e)


# Module-level names read in a class body.
class C:
    value = "class"
    seen = value
    print(seen, len("xy"))
