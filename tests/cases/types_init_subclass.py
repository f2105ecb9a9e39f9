class Plugin:
    registry = []

    def __init_subclass__(cls):
        super().__init_subclass__()
        Plugin.registry.append(cls.__name__)


class A(Plugin):
    pass


class B(A):
    pass


print(Plugin.registry, type(Plugin.__dict__["__init_subclass__"]).__name__)
print(type(object.__init_subclass__).__name__)
object.__init_subclass__()
try:
    object.__init_subclass__(1)
except TypeError as e:
    print(e)
class C(dict):
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__, kw)
class D(C): pass
