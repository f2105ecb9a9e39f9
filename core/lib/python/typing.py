"""Support for type hints.

heaplab's small version of CPython 3.12's typing: the common names import
and subscript as they do in CPython (List[int], Optional[str], Dict[str,
int], Callable[[int], str], Generic[T] as a base class...), with the same
reprs; annotations are not checked, as in CPython. Protocols, overloads
and the rest of typing's machinery are not modelled.
"""

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator', 'Generic',
           'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'NamedTuple', 'NoReturn',
           'Optional', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeVar', 'Union', 'cast',
           'TYPE_CHECKING', 'get_type_hints', 'overload', 'no_type_check']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(a) for a in obj)
    return repr(obj)


class _GenericAlias:
    """A subscripted form: List[int], Dict[str, int], Optional[str]."""

    def __init__(self, origin, args, name):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name == 'Optional':
            return 'typing.Optional[%s]' % _type_repr(self.__args__[0])
        if self._name == 'Callable' and len(self.__args__) >= 1:
            params, result = self.__args__[:-1], self.__args__[-1]
            if len(params) == 1 and params[0] is ...:
                shown = '...'
            else:
                shown = '[%s]' % ', '.join(_type_repr(a) for a in params)
            return 'typing.Callable[%s, %s]' % (shown, _type_repr(result))
        if not self.__args__:
            return 'typing.%s[()]' % self._name
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _SpecialForm:
    """A name like List or Optional: subscript it to make an alias."""

    def __init__(self, name, origin, nparams):
        self._name = name
        # Forms without a runtime class (ClassVar, Final...) are their own origin.
        self.__origin__ = self if origin is None else origin
        self._nparams = nparams  # -1: any number

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == 'Optional':
            if len(params) != 1:
                raise TypeError('typing.Optional requires a single type. Got %r.' % (params,))
            arg = params[0]
            if arg is None:
                arg = type(None)
            return Union[arg, type(None)]
        if name == 'Union':
            flat = []
            for p in params:
                if p is None:
                    p = type(None)
                if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
                    members = p.__args__
                else:
                    members = (p,)
                for m in members:
                    if m not in flat:
                        flat.append(m)
            if len(flat) == 1:
                return flat[0]
            alias_name = 'Optional' if len(flat) == 2 and type(None) in flat else 'Union'
            if alias_name == 'Optional' and flat[1] is not type(None):
                alias_name = 'Union'
            return _GenericAlias(Union, tuple(flat), alias_name)
        if name == 'Callable':
            if len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if args is ...:
                return _GenericAlias(self.__origin__, (..., result), name)
            return _GenericAlias(self.__origin__, tuple(args) + (result,), name)
        params = tuple(type(None) if p is None else p for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for typing.%s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few', name,
                               len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, name)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.' + self._name)


class _AnyType:
    def __repr__(self):
        return 'typing.Any'


Any = _AnyType()


class _NoReturnType:
    def __repr__(self):
        return 'typing.NoReturn'


NoReturn = _NoReturnType()

Union = _SpecialForm('Union', None, -1)
Optional = _SpecialForm('Optional', None, 1)
List = _SpecialForm('List', list, 1)
Dict = _SpecialForm('Dict', dict, 2)
Set = _SpecialForm('Set', set, 1)
FrozenSet = _SpecialForm('FrozenSet', frozenset, 1)
Tuple = _SpecialForm('Tuple', tuple, -1)
Type = _SpecialForm('Type', type, 1)
Callable = _SpecialForm('Callable', None, -1)
Iterator = _SpecialForm('Iterator', None, 1)
Iterable = _SpecialForm('Iterable', None, 1)
Generator = _SpecialForm('Generator', None, 3)
Sequence = _SpecialForm('Sequence', None, 1)
Mapping = _SpecialForm('Mapping', None, 2)
ClassVar = _SpecialForm('ClassVar', None, 1)
Final = _SpecialForm('Final', None, 1)
Literal = _SpecialForm('Literal', None, -1)


class TypeVar:
    """Type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class Generic:
    """Base class for generic classes: class Stack(Generic[T])."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is Generic:
            # Generic[T] as a base class is Generic itself.
            return Generic
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, params, cls.__qualname__)


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def overload(func):
    return func


def no_type_check(arg):
    return arg


def get_type_hints(obj):
    """The annotations of a class (along its mro) or function."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def NamedTuple(typename, fields=None, **kwargs):
    raise NotImplementedError("typing.NamedTuple is not supported yet")
