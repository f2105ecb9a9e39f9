import gc


class Marker:
    pass


m = Marker()
objs = gc.get_objects()
print(any(o is m for o in objs))
n = 12345678
print(any(o is n for o in gc.get_objects()))
print(len(gc.get_objects(generation=0)) >= 0)
del objs
