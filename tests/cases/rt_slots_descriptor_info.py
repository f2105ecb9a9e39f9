class P:
    __slots__ = ("alpha", "beta")


print(type(P.alpha).__name__)
print(P.alpha.__name__, P.beta.__name__)
print(P.__slots__)
print("__dict__" in dir(P), "__weakref__" in dir(P))
