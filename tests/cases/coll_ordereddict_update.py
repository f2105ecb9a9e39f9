from collections import OrderedDict
for arg in ([(1, 2, 3)], [1], [(1,)], 5, [[1, 2]], 'ab'):
    try:
        print(OrderedDict(arg))
    except Exception as e:
        print(type(e).__name__, e)
class M:
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k * 2
print(OrderedDict(M()))
class I:
    def items(self): return [('x', 1)]
print(OrderedDict(I()))
o = OrderedDict(); o.update([('k', 'v')], z=0); print(o)
