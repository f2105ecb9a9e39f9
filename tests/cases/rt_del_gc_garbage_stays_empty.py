import gc


class R:
    def __del__(self):
        pass


gc.collect()
objs = []
for i in range(3):
    r = R()
    r.self = r
del r
print(gc.collect())
print(len(gc.garbage))
