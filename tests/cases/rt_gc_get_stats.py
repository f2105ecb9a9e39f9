import gc

stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for s in stats:
    print(sorted(s))
print(all(s["collections"] >= 0 for s in stats))
before = gc.get_stats()[2]["collections"]
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
