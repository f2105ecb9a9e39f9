import weakref


class Account:
    def __init__(self, owner):
        self.owner = owner

    def greet(self):
        return "hi " + self.owner


a = Account("ann")
p = weakref.proxy(a)
print(p.owner, p.greet())
p.owner = "bob"
print(a.owner)
del a
try:
    p.owner
except ReferenceError as e:
    print("ReferenceError:", e)
