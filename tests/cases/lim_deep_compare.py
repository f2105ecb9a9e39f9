# Comparing data nested 100,000 deep: == and < raise RecursionError "in
# comparison", as sorting with deep keys does; the program goes on.
def nest_list(depth, leaf):
    x = [leaf]
    for i in range(depth):
        x = [x]
    return x

def nest_tuple(depth, leaf):
    x = (leaf,)
    for i in range(depth):
        x = (x,)
    return x

def nest_dict(depth, leaf):
    x = {'v': leaf}
    for i in range(depth):
        x = {'k': x}
    return x

a, b = nest_list(100000, 1), nest_list(100000, 2)
for name, test in (('==', lambda: a == b), ('!=', lambda: a != b), ('<', lambda: a < b),
                   ('>=', lambda: a >= b), ('in', lambda: b in [a]), ('index', lambda: [a].index(b)),
                   ('count', lambda: [a].count(b))):
    try:
        print(name, test())
    except RecursionError as e:
        print(name, type(e).__name__, e)
print('is', a == a, [a].count(a))

t, u = nest_tuple(100000, 1), nest_tuple(100000, 2)
for name, test in (('tuple ==', lambda: t == u), ('tuple <', lambda: t < u)):
    try:
        print(name, test())
    except RecursionError as e:
        print(name, e)
# Hashing recurses in C without a limit: 4,000 deep (past the C recursion
# limit) works in every build; far deeper, heaplab raises RecursionError
# where the host stack ends (CPython overflows it).
h, k = nest_tuple(4000, 1), nest_tuple(4000, 2)
print('hash', hash(h) == hash(nest_tuple(4000, 1)), hash(h) != hash(k))
s = {h}
print('in set', h in s, k in s)

d, e2 = nest_dict(100000, 1), nest_dict(100000, 2)
try:
    print(d == e2)
except RecursionError as e:
    print('dict ==', e)

keys = [nest_list(100000, i) for i in range(3)]
try:
    keys.sort()
except RecursionError as e:
    print('sort', e)
try:
    sorted(range(3), key=lambda i: keys[i])
except RecursionError as e:
    print('sorted key', e)
try:
    max(keys)
except RecursionError as e:
    print('max', e)
print(sorted([nest_list(3, 2), nest_list(3, 1)]))
