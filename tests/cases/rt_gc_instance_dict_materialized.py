import gc


class Node:
    pass


gc.collect()
n = Node()
n.me = n
print(len(n.__dict__))
del n
print("materialized dict:", gc.collect())
m = Node()
m.me = m
vars(m)
del m
print("vars() also:", gc.collect())
