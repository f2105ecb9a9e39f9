import gc

calls = []


class R:
    def __del__(self):
        calls.append("del")


gc.collect()
r = R()
r.me = r
del r
gc.collect()
gc.collect()
print(calls)
