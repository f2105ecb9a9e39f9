# str.join and str.split on one-byte, wider and mixed text: the same
# strings (and sizes) whichever path builds them.
import sys

seps = ["", ",", "é", "€", "--"]
items = [[], ["a"], ["a", "b"], ["é", "x"], ["a", "€", "b"], ["😀", "a"], ["", "", "z"], ("x", "y", "z"),
         ["\xff", "a"]]
for sep in seps:
    for it in items:
        for r in (sep.join(it), sep.join(x for x in it)):
            print(repr(sep), repr(r), sys.getsizeof(r) if len(r) != 1 else "")
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)

for s in ["", "a", ",", ",,", "a,b", "a,,b,", ",a,b,c,", "é,ü,,ñ", "x::y::::z", "aaa", "a\xffb\xff", "x€y€z"]:
    for sep in [",", "::", "a", "\xff", "é", "€", "long separator"]:
        for maxsplit in [-1, 0, 1, 2]:
            parts = s.split(sep, maxsplit)
            print(repr(s), repr(sep), maxsplit, parts, [sys.getsizeof(p) for p in parts if len(p) > 1])
try:
    "a".split("")
except ValueError as e:
    print(e)
