# The str objects f-strings and format() build: compact kinds and sizes as CPython's.
import sys
x, e, z = 1, "é", "€"
for s in (f"{x}", f"a{x}", f"{e}{x}", f"{z}{e}", f"{'😀'}{x}", f"", f"{x:>10}", format(3.5, "^9"), "%s-%d" % (e, 5), "{}{}".format(z, 1), f"{x!r}", f"{'abc'}"):
    print(repr(s), sys.getsizeof(s))
