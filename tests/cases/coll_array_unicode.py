import array
a = array.array('u', 'hé€😀')
a.append('x'); print(a, a[3], len(a))
for bad in ['ab', '', 5]:
    try: a.append(bad)
    except TypeError as e: print(e)
import array, sys
a = array.array('u', 'ab'); a.fromunicode('cd'); print(a, a.tounicode(), repr(a.tounicode()), sys.getsizeof(a))
a.fromunicode('é€😀'); print(a, len(a), a.tounicode()[-1])
b = array.array('i')
for f in [lambda: b.tounicode(), lambda: b.fromunicode('x'), lambda: a.fromunicode(5), lambda: a.tounicode(1)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
