# eval/exec in a function see its locals (a snapshot); globals(), vars(), dir(),
# getattr/setattr/delattr and other builtins on user objects.
x = 10
def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    print('x' in globals(), globals()['x'], '__name__' in globals())
    exec('d = 5')
    print(eval('a + c'), eval('x * 2'))
f(1)
g = {}
exec('y = 3\nz = y * 2', g)
print(g['z'], sorted(k for k in g if not k.startswith('__')), '__builtins__' in g)
l = {}
exec('w = 7', None, l)
print(l)
print(eval('[i * i for i in range(4)]'))
print(eval('len(s)', {'s': 'abc'}))
print(vars(f) if hasattr(f, '__dict__') else None)
class P:
    def __init__(self):
        self.a = 1
        self.b = [2]
p = P()
print(vars(p), p.__dict__ is vars(p))
print(dir(p)[-2:], sorted(set(dir(p)) - set(dir(object))))
print(callable(P), callable(p), isinstance(p, P), type(p) is P, type(p).__name__, P.__name__, P.__qualname__)
print(id(p) == id(p), hash(p) == hash(p))
print(getattr(p, 'a'), getattr(p, 'zz', None), hasattr(p, 'b'))
setattr(p, 'c', 3); delattr(p, 'a'); print(vars(p))
try:
    getattr(p, 'zz')
except AttributeError as e:
    print(e)
try:
    delattr(p, 'zz')
except AttributeError as e:
    print(e)
print(issubclass(P, object), isinstance(P, type), type(P), type(type(P)))
print(sum(range(10), start=100), max(range(10), key=lambda v: v % 4), min('hello'), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1], reverse=True))
print(list(zip(*zip([1, 2], [3, 4]))), dict(enumerate('ab', 1)), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(any(x > 3 for x in [1, 5]), all([]), any([]), all(x for x in [1, 0]))
print(ascii('naïve ☃'), repr('naïve'), format(0.5, '.0%'), bin(-0b101), oct(0o777), hex(-0xff))
print(bytes([104, 105]), bytearray(b'hi'), bytes('hé', 'utf-8'), list(b'ab'), bytes(2), bytearray(3))
print(frozenset([3, 1]) == {1, 3}, set([1, 2]) | {3}, tuple('ab'), list({'k': 1}), dict(a=1, b=2), dict([('a', 1)], b=2))
print(object.__name__, repr(object()).startswith('<object object at'), type(None).__name__)
