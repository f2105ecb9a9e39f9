# Blocks made inside methods, properties, generators and nested calls are
# charged to the line that made them (nframe=1) or to the whole call chain.
import tracemalloc


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, count):
        self.items[name] = bytearray(count)

    @property
    def report(self):
        return bytearray(3000)


def produce(n):
    for i in range(n):
        yield bytearray(1500)


def run():
    inv = Inventory()
    for i in range(5):
        inv.add("item%d" % i, 2000)
    r = inv.report
    made = list(produce(4))
    return inv, r, made


tracemalloc.start()
kept = run()
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_methods.py")])
big = [s for s in mine.statistics("lineno") if s.size >= 3000]
print([(s.traceback[0].lineno, s.count >= 2) for s in big])

tracemalloc.start(3)
kept2 = run()
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_methods.py")])
big = [s for s in mine.statistics("traceback") if s.size >= 3000]
print([[f.lineno for f in s.traceback] for s in big])
print(tracemalloc.get_traceback_limit())
