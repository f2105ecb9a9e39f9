import gc


class Link:
    pass


gc.collect()
for size in [1, 2, 3, 5, 10, 50]:
    links = [Link() for i in range(size)]
    for i in range(size):
        links[i].next = links[(i + 1) % size]
    del links
    print(size, gc.collect())
