# get_stats counts collections per generation.
import gc
before = gc.get_stats()
lst = []
lst.append(lst)
del lst
gc.collect()
gc.collect(0)
after = gc.get_stats()
print(len(after), sorted(after[0]))
print(after[2]["collections"] - before[2]["collections"])
print(after[0]["collections"] - before[0]["collections"])
print(after[2]["collected"] - before[2]["collected"] >= 1)
print(after[2]["uncollectable"] - before[2]["uncollectable"])
