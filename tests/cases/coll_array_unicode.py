import array
a = array.array('u', 'hé€😀')
a.append('x'); print(a, a[3], len(a))
for bad in ['ab', '', 5]:
    try: a.append(bad)
    except TypeError as e: print(e)
