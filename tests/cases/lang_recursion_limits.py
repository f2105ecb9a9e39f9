# Recursion limits: through constructors (CPython calls __init__ from C: its
# C recursion limit stops near 500), methods and yield from (near 1000).
class Node:
    def __init__(self, k):
        self.child = Node(k - 1) if k else None
for n in (300, 450, 490, 520, 600, 900, 990):
    try:
        Node(n)
        print(n, "ok")
    except RecursionError:
        print(n, "RecursionError")
class A:
    def m(self, k):
        return self.m(k - 1) if k else 0
for n in (600, 990, 1100):
    try:
        A().m(n); print("method", n, "ok")
    except RecursionError:
        print("method", n, "RecursionError")
def gen(k):
    if k:
        yield from gen(k - 1)
    else:
        yield 0
for n in (600, 990, 1100):
    try:
        for _ in gen(n): pass
        print("gen", n, "ok")
    except RecursionError:
        print("gen", n, "RecursionError")
