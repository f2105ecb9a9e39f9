# Tracebacks with nframe > 1: oldest frame first, format() as a traceback
# prints it, total_nframe counts every frame.
import tracemalloc


class Node:
    def __init__(self, value):
        self.value = value


def make_node(v):
    return Node(v)


def level2():
    return make_node(2)


def level1():
    return level2()


tracemalloc.start(3)
node = level1()
tb = tracemalloc.get_object_traceback(node)
print(len(tb), [f.lineno for f in tb])
print(tb[0].lineno, tb[-1].lineno, tb[1:][0].lineno, len(tb[:2]))
print(str(tb).endswith(":12"), str(tb[0]) == str(tb))
print(tb.total_nframe)
for line in tb.format():
    print(line)
print("--- limit=1")
for line in tb.format(limit=1):
    print(line)
print("--- limit=-1")
for line in tb.format(limit=-1):
    print(line)
print("--- most recent first")
for line in tb.format(most_recent_first=True):
    print(line)
print(tb[0] in tb, tracemalloc.Frame(("x.py", 1)) in tb)
print([f.lineno for f in reversed(tb)])
print(tb == tracemalloc.get_object_traceback(node), hash(tb) == hash(tracemalloc.get_object_traceback(node)))
tracemalloc.stop()

tracemalloc.start(1)
other = level1()
tb1 = tracemalloc.get_object_traceback(other)
print(len(tb1), tb1[0].lineno, tb1.total_nframe)
tracemalloc.stop()

tracemalloc.start(25)
deep = level1()
tbd = tracemalloc.get_object_traceback(deep)
print(len(tbd), [f.lineno for f in tbd], tbd.total_nframe)
tracemalloc.stop()
