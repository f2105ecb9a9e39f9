import gc

log = []


def cb(phase, info):
    log.append((phase, info["generation"]))


gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
