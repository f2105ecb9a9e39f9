# f-strings: conversions, format specs with nested fields, the = form,
# __format__ of classes, and adjacent literals.
x = 3; name = "Ada"; pi = 3.14159; items = [1, 2]
print(f"{x!r:>5} {x=} {name!r} {name!s:^9}|{name!a} {'é'!a}")
print(f"{pi:.2f} {pi:{x}.{x}} {pi=:.1f} {x = } {items[0]}{items!r}")
width = 10
print(f"[{name:>{width}}] [{name:*^{width}}] [{x:0{width}d}]")
print(f"{{literal}} {x:>{width}} {'nested ' + name:<15}|")
print(f"{1234567:,} {1234567.891:_.2f} {0.256:.1%} {255:#x} {255:#o} {5:#b} {-42:+d} {42: d}")
print(f"{True} {None} {[1, 'a']} {(1,)} {{}} {7}")
class P:
    def __init__(self, x): self.x = x
    def __format__(self, spec):
        return "P<" + format(self.x, spec) + ">"
    def __repr__(self): return "P(%r)" % self.x
    def __str__(self): return "str-P"
p = P(2.5)
print(f"{p} {p:.3f} {p!r} {p!s} {p!r:>10}")
print(format(p, "08.2f"), "{:>6}".format(p), "{0!r} {0}".format(p))
class Q: pass
try:
    f"{Q():>5}"
except TypeError as e:
    print(e)
print(f"{Q()!r:.3}" [:3])
class Bad:
    def __format__(self, spec): return 5
try:
    f"{Bad()}"
except TypeError as e:
    print(e)
print(f"""multi
{x}
line""")
print(f"{'a' 'b'}" f"{x}" "plain" rf"\n{x}")
def fn(): return 7
print(f"{fn()} {fn() * 2:3} {(lambda: 9)()} {x if x > 2 else 0}")
print(f"{x:{'>'}{width}}", f"{3.0:g}", f"{1e20:.3e}", f"{12:c}")
try:
    f"{x:q}"
except ValueError as e:
    print(e)
try:
    f"{name:d}"
except ValueError as e:
    print(e)
try:
    f"{pi:,d}"
except ValueError as e:
    print(e)
s = f"{x}"
print(s, type(s).__name__, f"", repr(f"{''}"))
print(f"{x:}", f"{name!r:}", f'{"quoted"}', f"{x:#>+8.2f}")
