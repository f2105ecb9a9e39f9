import gc

gc.collect()
c0 = gc.get_count()[0]
nums = 1234567 * 7
s = "abc" * 5
f = 1.5 * 3
c1 = gc.get_count()[0]
print("atomic allocations:", c1 - c0)
