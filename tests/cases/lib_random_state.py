import random, sys
r = random.Random(5)
st = r.getstate()
print(len(st[1]), st[1][-1], st[1][:3])
try:
    r.setstate((3, (1, 2), None))
except ValueError as e:
    print(e)
try:
    r.setstate((2, (), None))
except ValueError as e:
    print(e)
print(r.getrandbits(200), r.getrandbits(64), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33))
try:
    r.getrandbits(-1)
except ValueError as e:
    print(e)
r2 = random.Random()
r2.setstate(st)
print(r2.random() == random.Random(5).random())
