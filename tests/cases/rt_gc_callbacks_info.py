import gc

gc.collect()
infos = []


def cb(phase, info):
    infos.append((phase, sorted(info), info["collected"], info["uncollectable"]))


gc.callbacks.append(cb)
a = []
a.append(a)
b = {}
b["b"] = b
del a, b
gc.collect()
gc.callbacks.remove(cb)
for i in infos:
    print(i)
