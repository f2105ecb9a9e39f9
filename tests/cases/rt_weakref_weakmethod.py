import weakref


class Greeter:
    def hello(self):
        return "hello"


g = Greeter()
plain = weakref.ref(g.hello)
print("plain ref to bound method:", plain())
wm = weakref.WeakMethod(g.hello)
print(wm()())
del g
print(wm())
