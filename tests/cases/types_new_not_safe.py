# object.__new__ and int.__new__ refuse types whose layout they do not make.
for t in [range, slice, type(iter([])), type(lambda:0), type((x for x in ())), type(None), type(len), type(object.__init__), type((1).__add__), type({}.keys()), type(iter({})), enumerate, zip, property, type(NotImplemented), type(...), bool, staticmethod]:
    try:
        r = object.__new__(t)
        print(t.__name__, "made", type(r).__name__)
    except TypeError as e:
        print(t.__name__, e)
print(bool.__new__(bool, 1), int.__new__(int, "7"))
try:
    int.__new__(bool)
except TypeError as e:
    print(e)
