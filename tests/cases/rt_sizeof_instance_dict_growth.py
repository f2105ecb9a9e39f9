import sys


class Bag:
    pass


b = Bag()
print(sys.getsizeof(b.__dict__))
last = 0
for i in range(40):
    setattr(b, "attr" + str(i), i)
    s = sys.getsizeof(b.__dict__)
    if s != last:
        print(i + 1, s)
        last = s
