"""Abstract base classes: ABC and abstractmethod.

heaplab has no metaclasses, so ABCMeta's work is done by ABC's
__init_subclass__: each subclass gets the __abstractmethods__ CPython would
compute, and object.__new__ refuses to instantiate a class that still has
some. type(cls) is type, not ABCMeta; register() is not modelled.
"""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _compute_abstracts(cls):
    abstracts = {name for name, value in cls.__dict__.items() if getattr(value, "__isabstractmethod__", False)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _compute_abstracts(cls)


ABC.__abstractmethods__ = frozenset()
