# Deep Python recursion raises RecursionError, also through special methods
# called from C; the program goes on, and recursion below the limit works.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(900))

class Loop:
    def __repr__(self):
        return repr(self)

    def __eq__(self, other):
        return self == other

    def __hash__(self):
        return hash(self)

    def __getattr__(self, name):
        return getattr(self, name)

for name, test in (('repr', lambda: repr(Loop())), ('eq', lambda: Loop() == Loop()),
                   ('hash', lambda: hash(Loop())), ('getattr', lambda: Loop().missing)):
    try:
        test()
    except RecursionError as e:
        print(name, type(e).__name__)

def gen(n):
    yield from gen(n + 1)

try:
    next(gen(0))
except RecursionError as e:
    print('generators', e)

sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError as e:
    print('limit 200', e)
sys.setrecursionlimit(1000)
print(depth(900))

def mutual_a(n):
    return mutual_b(n + 1)

def mutual_b(n):
    return mutual_a(n + 1)

try:
    mutual_a(0)
except RecursionError:
    print('mutual', sys.getrecursionlimit())
print('still running')
