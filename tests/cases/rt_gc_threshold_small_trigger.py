import gc

gc.collect()
gc.disable()
gc.set_threshold(5)
gens = []
gc.callbacks.append(lambda phase, info: gens.append(info["generation"]) if phase == "start" else None)
gc.enable()
x = []
for i in range(30):
    x.append([])
gc.disable()
gc.callbacks.clear()
print(len(gens) > 0, set(gens))
