# Closures over comprehension variables: 3.12 inlines comprehensions and
# gives each iteration's variable a fresh cell (PEP 709).
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
def f():
    i = "outer"
    gs = [lambda: i * 2 for i in range(3)]
    return i, [g() for g in gs]
print(f())
def g():
    x = 10
    return [lambda y=j: x + y + j for j in range(2)]
print([h() for h in g()])
def nested():
    return [[lambda: (a, b) for b in "xy"] for a in (1, 2)]
print([[h() for h in row] for row in nested()])
d = {k: (lambda: k) for k in "ab"}
print({k: v() for k, v in d.items()})
s = {(lambda: n)() for n in range(3)}
print(sorted(s))
def counter_factory():
    return [(lambda: (lambda: c)) for c in range(2)]
print([f()() for f in counter_factory()])
import sys
def sizes():
    fs = [lambda: i for i in range(3)]
    return len(fs)
print(sizes(), sizes.__code__.co_cellvars, sizes.__code__.co_varnames, sizes.__code__.co_name, f.__code__.co_cellvars)
