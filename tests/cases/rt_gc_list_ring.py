import gc

gc.collect()
for size in [2, 4, 8]:
    first = []
    cur = first
    for i in range(size - 1):
        nxt = []
        cur.append(nxt)
        cur = nxt
    cur.append(first)
    del first, cur, nxt
    print(size, gc.collect())
