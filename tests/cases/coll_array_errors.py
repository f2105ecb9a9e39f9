import array
for tc in 'bBhHiIlLqQfd':
    for v in [10**20, -10**20, 1<<7, -129, 256, 1<<15, -(1<<15)-1, 1<<16,  1<<31, -(1<<31)-1, 1<<32, 1<<63, 1<<64, -1, 1.5, 'x', None, True]:
        try:
            array.array(tc, [v])
        except Exception as e:
            print(tc, repr(v)[:8], type(e).__name__, e)
print(array.array('i', [1,2]), array.array('d', [1.5]), array.array('b'), array.array('f',[0.1]), repr(array.array('u', 'ab')))
try: array.array('z')
except Exception as e: print(type(e).__name__, e)
try: array.array('i', 'abc')
except Exception as e: print(type(e).__name__, e)
try: array.array('i', b'abc')
except Exception as e: print(type(e).__name__, e)
a = array.array('i', [1,2,3])
for bad in [lambda: a[5], lambda: a['x'], lambda: a.pop(7), lambda: array.array('i').pop(), lambda: a.remove(9), lambda: a.index(9), lambda: a.extend(array.array('d')), lambda: a.fromlist((1,)), lambda: a + [1], lambda: a.pop("x")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(array.array('i').itemsize, [array.array(c).itemsize for c in 'bBhHiIlLqQfd'])
