import gc

saved = []


class Phoenix:
    def __del__(self):
        print("finalizing")
        saved.append(self)


gc.collect()
p = Phoenix()
p.me = p
del p
print("collect 1:", gc.collect())
print(len(saved))
saved.clear()
print("collect 2:", gc.collect())
print(len(saved))
