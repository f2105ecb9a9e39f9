import gc

log = []
stash = []


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        if self.name == "keep":
            stash.append(self)


gc.collect()
a = R("keep")
b = R("drop")
a.b = b
b.a = a
del a, b
print(gc.collect())
print(log, len(stash))
stash.clear()
print(gc.collect())
print(log)
