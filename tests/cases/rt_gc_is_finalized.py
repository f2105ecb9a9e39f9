import gc

seen = []


class F:
    def __del__(self):
        seen.append(gc.is_finalized(self))


x = F()
print(gc.is_finalized(x))
x.me = x
del x
gc.collect()
print(seen)
print(gc.is_finalized(1), gc.is_finalized([]))
