import gc

gc.collect()
gc.set_threshold(700, 10, 10)
events = []


def cb(phase, info):
    if phase == "stop":
        events.append((info["generation"], info["collected"]))


gc.callbacks.append(cb)
for i in range(1000):
    a = []
    a.append(a)
del a
gc.callbacks.remove(cb)
print(len(events) >= 1, events[0][0])
print(sum(e[1] for e in events) > 0)
