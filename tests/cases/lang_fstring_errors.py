# Errors raised while an f-string is built, and what f-strings share with
# the values they format (an exact str formats as itself).
class Bad:
    def __format__(self, spec):
        raise ValueError("bad spec " + spec)
    def __repr__(self):
        raise KeyError("repr")
values = [1, 2]
for expr in ("f'{values[5]}'", "f'{Bad():x}'", "f'{Bad()!r}'", "f'{undefined}'", "f'{1:{Bad()}}'", "f'{3:{\"q\"}}'"):
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__, e)
def show(x):
    return f"value={x:>{len(str(x)) + 2}}|"
print(show(5), show("abc"))
print(f"{values[0]=}, {len(values) = :>4}, {values!r:.3}")
import sys
big = "x" * 10
print(sys.getrefcount(big))
s = f"{big}"
print(s is big, sys.getrefcount(big))
t = f"{big}{big}"
print(len(t))
n = 10**30
print(f"{n}", f"{n:,}", f"{-n:_x}")
print(f"{'nested {braces}'}", f"{{{1}}}", f"{{}}")
parts = [f"{i}" for i in range(3)]
print(parts, f"{' '.join(parts)}")
print(f"{values[0]}" f"{values[1]}", F"{1}", fR"\{1}")
print(f"{Bad():}")
