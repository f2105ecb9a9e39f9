import gc

target = []
a = [target]
b = {"t": target}
c = (target,)
holders = gc.get_referrers(target)
print(any(h is a for h in holders), any(h is b for h in holders), any(h is c for h in holders))
print(any(h is globals() for h in holders))
del a
print(any(isinstance(h, list) and len(h) == 1 and h[0] is target for h in gc.get_referrers(target)))
