# input() where the VM cannot pause (a constructor, a generator, map) and
# its argument errors.
class Person:
    def __init__(self):
        self.name = input("who: ")
p = Person()
print(p.name)
def gen():
    while True:
        v = input("gen> ")
        if v == "stop":
            return
        yield v
print(list(gen()))
print(list(map(input, ["a: ", "b: "])))
print(input(5), input(None))
try:
    input("x", "y")
except TypeError as e:
    print(e)
try:
    input(prompt="x")
except TypeError as e:
    print(e)
