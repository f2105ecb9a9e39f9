# printf-style % formatting as course programs use it, and str.format's
# fields: positional, keyword, attributes, items, conversions, nested specs.
name, age, score = "Ana", 31, 87.456
print("%s is %d years old" % (name, age))
print("Score: %.2f%%" % score, "%5.1f|%-8s|%08.3f|%+d|% d" % (score, name, score, age, age))
print("%x %X %o %#x %#o %e %.3E %g %G" % (255, 255, 8, 255, 8, 12345.678, 0.000123, 1e-5, 1e20))
print("%r %a %s" % ("é", "é", None), "%c%c" % (72, "i"), "%5s|%-5s|%.2s" % ("ab", "cd", "xyz"))
print("%(name)s scored %(score).1f (%(name)r)" % {"name": name, "score": score})
print("%*d|%-*d|%.*f" % (5, 42, 4, 7, 2, 3.14159))
print("%s" % [1, 2], "%s" % ((1, 2),), "%d items" % 3, "%i" % 4.9, "%s%%" % 50)
for fmt, args in (("%d", "3"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%(x)s", ("t",)), ("%y", 1),
                  ("%.2f", None), ("%c", "ab"), ("%d", []), ("%(a)s %s", {"a": 1})):
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)


class Obj:
    label = "L"
    items = [10, 20]
    table = {"k": "v"}


o = Obj()
print("{} {} {}".format("a", "b", "c"), "{2}{1}{0}".format("a", "b", "c"), "{x}-{y}".format(x=1, y=2))
print("{0.label} {0.items[1]} {0.table[k]} {1[0]}".format(o, ["first"]))
print("{:<6}|{:^6}|{:>6}|{:*^7}|{:+.3f}|{:08.2f}|{:,}|{:_b}|{:%}".format("l", "c", "r", "m", 2.5, -3.14159, 10 ** 7, 10, 0.25))
print("{0!r} {0!s} {0!a} {1:{2}}".format("ü", 42, ">6"), "{{literal}} {}".format("ok"))
w, p = 10, 3
print("{:{w}.{p}f}|{:>{w}}".format(3.14159, "r", w=w, p=p))
for fmt, args, kwargs in (("{}", (), {}), ("{0} {}", (1, 2), {}), ("{a}", (), {}), ("{0[5]}", ([1],), {}),
                          ("{0.nope}", (o,), {}), ("{:d}", ("s",), {}), ("{!z}", (1,), {}), ("{0:{1}}", (1, "q"), {})):
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
