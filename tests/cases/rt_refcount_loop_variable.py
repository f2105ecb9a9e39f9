import sys

thing = []
items = [thing, thing]
for x in items:
    print(sys.getrefcount(thing))
print(sys.getrefcount(thing))
del x
print(sys.getrefcount(thing))
i = 0
while i < 2:
    y = thing
    print(sys.getrefcount(thing))
    i += 1
