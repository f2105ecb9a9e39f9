# Widths and precisions too large for the heap raise MemoryError before any
# text is built; absurd ones are ValueErrors, as in CPython.
for make in (lambda: format(1, "99999999999999999999"), lambda: "%99999999999999999999d" % 1,
             lambda: "%.99999999999999999999f" % 1.0, lambda: f"{1.5:.{10**20}f}"):
    try:
        make()
    except (ValueError, MemoryError) as e:
        print(type(e).__name__, e)
print(len(f"{'x':>100000}"), len("%-5000d" % 1), len(format(2.5, ".3000f")))
