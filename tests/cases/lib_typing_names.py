from typing import Any, Optional, List, Dict, Tuple, Set, Callable, Iterator, Generator, Union, TypeVar, Generic
from typing import ClassVar, Iterable, Sequence, cast, TYPE_CHECKING, get_type_hints
import typing

print(List[int], Dict[str, int], Set[str], Tuple[int, str], Tuple[int, ...])
print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]])
print(Callable[[int, str], bool], Callable[..., int], Iterator[int], Generator[int, None, None])
print(Any, List, Optional, Union, Sequence[float], Iterable[str])
print(List[int] == List[int], List[int] == List[str], Optional[str] == Union[str, None])
print(List[int].__origin__, Dict[str, int].__args__, Union[int, str].__args__)
T = TypeVar("T")
K = TypeVar("K", bound=int)
print(T, K, T.__name__, TypeVar("C", covariant=True))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), isinstance(s, Generic), Stack.__mro__[-2].__name__)


def greet(name: str, times: int = 1) -> str:
    return name * times


print(greet("ab", 2), cast(int, "x"), TYPE_CHECKING)


class Config:
    name: str
    retries: int = 3
    tags: ClassVar[List[str]] = []


print(Config.__annotations__)
print(get_type_hints(Config))
print(List[Dict[str, Optional[int]]])
try:
    Optional[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Dict[int]
except TypeError as e:
    print("TypeError:", e)
