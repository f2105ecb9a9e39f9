import functools


def bold(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return "<b>" + func(*args, **kwargs) + "</b>"
    return wrapper


def italic(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return "<i>" + func(*args, **kwargs) + "</i>"
    return wrapper


@bold
@italic
def hello(name):
    """Greets."""
    return "hello " + name


print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__.__wrapped__("y"))


def memo_counter(func):
    calls = {"n": 0}

    @functools.lru_cache(maxsize=None)
    @functools.wraps(func)
    def inner(n):
        calls["n"] += 1
        return func(n)
    inner.calls = calls
    return inner


@memo_counter
def collatz_steps(n):
    if n == 1:
        return 0
    return 1 + collatz_steps(n // 2 if n % 2 == 0 else 3 * n + 1)


print(collatz_steps(27), collatz_steps.calls["n"], collatz_steps.cache_info())
print(collatz_steps(54), collatz_steps.cache_info().hits)

people = [("ann", 31), ("bob", 25), ("cy", 31)]
by_age = functools.partial(sorted, key=lambda p: p[1])
print(by_age(people), by_age(people, reverse=True))
print(functools.reduce(lambda acc, p: acc + p[1], people, 0))
print(functools.reduce(lambda a, b: a if a[1] >= b[1] else b, people))
add = lambda a, b: a + b
inc = functools.partial(add, 1)
print(list(map(inc, [1, 2, 3])), inc.func is add, inc.args)


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r

    @property
    def diameter(self):
        return 2 * self.r


c = Circle(2)
print(c.area, c.area, c.diameter, list(vars(c)))


@functools.total_ordering
class Card:
    order = "23456789TJQKA"

    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return self.rank == other.rank

    def __lt__(self, other):
        return self.order.index(self.rank) < self.order.index(other.rank)

    def __repr__(self):
        return "Card(%r)" % self.rank


hand = [Card("K"), Card("2"), Card("A"), Card("T")]
print(sorted(hand), max(hand), Card("3") >= Card("3"), Card("Q") > Card("J"))
