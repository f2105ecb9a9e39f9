import itertools as it, sys
for args in ((), (5,), (5, 2), (-3, -1), (1.5,), (0, 0.25), (2**70,), (10, 2**70), (3, 1), (3, True), (True,)):
    c = it.count(*args)
    print(args, repr(c), [next(c) for _ in range(3)], repr(c))
c = it.count(sys.maxsize - 2)
print([next(c) for _ in range(4)], repr(c))
for args in ((1,), ('a', 2), (None, 0), ([1], -5)):
    r = it.repeat(*args)
    print(repr(r), list(it.islice(r, 4)), repr(r))
r = it.repeat('x', times=2); print(list(r), list(r), repr(r))
print(list(zip(it.count(1), 'abc')), list(map(pow, range(5), it.repeat(2))))
