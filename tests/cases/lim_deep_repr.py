# repr and str of data nested 100,000 deep raise RecursionError (as
# CPython's C recursion limit does); the program goes on afterwards.
def nest(kind, depth):
    x = kind()
    for i in range(depth):
        if kind is list:
            x = [x]
        elif kind is tuple:
            x = (x,)
        else:
            x = {'k': x}
    return x


for kind in (list, tuple, dict):
    deep = nest(kind, 100000)
    for show in (repr, str, ascii, lambda o: f"{o}", lambda o: "%s" % (o,), lambda o: "{}".format(o)):
        try:
            show(deep)
        except RecursionError as e:
            print(kind.__name__, type(e).__name__, e)
    try:
        print(deep)
    except RecursionError as e:
        print(kind.__name__, 'print', e)

# Shallow enough: printed in full.
ok = nest(list, 50)
print(repr(ok) == '[' * 51 + ']' * 51)
mixed = [{'a': (1, [2, {3}])}] * 3
print(mixed)
