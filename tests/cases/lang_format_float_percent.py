# Float presentation rules (no type with a precision, '#', g/e/f/%), printf-
# style % formatting and str.format fields, with their errors.
vals = [0.0, 1.0, 10.0, 100.0, 1e15, 1e16, 1e17, 123456789.0, 0.1, 0.0001, 0.00001, 1.23456789e-5, 9.999, 99.95,
        0.5, 1.5, 2.675, 1/3, 2/3, 5e-324, 1.7976931348623157e308, 12345.6789, -0.00001, 999999.5, 0.000123]
specs = [".0", ".1", ".2", ".3", ".5", ".10", ".17", "#", "#.0", "#.3", "#.10", "g", ".0g", "#.0g", ".3g", "#.3g",
         "e", ".0e", "#.0e", "f", ".0f", "#.0f", "%", ".0%", "#.0%", "n", ".3n", "G", "E", "F", ".1f", "12,.3f", "z.0f", "+.3"]
for v in vals:
    print(repr(v), " ".join(repr(format(v, s)) for s in specs))
print("%5.2f|%-8.3e|%g|%#x|%+d|%05d|%.3s|%c|%r|%a|%%|%(a)s" % (3.14159, 1234.5, 0.0001, 255, 5, -42, "abcdef", 65, "q", "é", ) if False else "")
print("%5.2f|%-8.3e|%g|%#x|%+d|%05d|%.3s|%c|%r|%a|%%" % (3.14159, 1234.5, 0.0001, 255, 5, -42, "abcdef", 65, "q", "é"))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Bob", "age": 42})
print("%s %s" % ([1, 2], (3,)), "%s" % ((1, 2),), "%d%%" % 50, "%i|%u|%o|%X|%e|%E|%G" % (7, 8, 9, 255, 1e10, 1e-10, 1e-10))
print("%-5s|%5s|%05.1f|% d|%x" % ("a", "b", 2.25, 3, -255), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
for bad in ("%d" % 1 if False else None,):
    pass
for fmt, args in (("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 1), ("%c", 1114112), ("%", ()), ("%.2f", "s")):
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
print("{0} {name} {x.real} {y[0]} {y[1]!r:>6} {:>10}".format if False else "")
class O: attr = "A"
print("{0} {name} {o.attr} {y[0]} {y[k]} {0!r:>6}|{z:^{w}}|".format("zero", name="N", o=O(), y={0: "d0", "k": "dk"}, z="c", w=5))
print("{} {} {}".format(1, "b", 2.5), "{:>10}|{:<4}|{:^5}|{:+.2f}|{:,}|{:08.3f}|{:x}".format("r", "l", "c", 3.14159, 10**6, -3.5, 255))
for f, a in (("{} {}", (1,)), ("{0} {}", (1, 2)), ("{x}", ()), ("{", ()), ("}", ()), ("{0:d}", ("s",)), ("{!x}", (1,))):
    try:
        print(f.format(*a))
    except Exception as e:
        print(type(e).__name__, e)
