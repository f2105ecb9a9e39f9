# A block resized while tracing gets the line that resized it; a block made
# before start() becomes traced when it is resized.
import tracemalloc


def main():
    spare = [[] for _ in range(100)]  # empties CPython's list free list
    items = list(range(1000))  # allocated exactly: 1000 slots
    tracemalloc.start()
    print(tracemalloc.get_object_traceback(items))
    items.append(-1)  # the slot array grows: realloc
    snap = tracemalloc.take_snapshot()
    mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_realloc.py")])
    for stat in mine.statistics("lineno"):
        print(stat.traceback[0].lineno, stat.size, stat.count)
    grown = []
    for i in range(100):
        grown.append(i)
    snap2 = tracemalloc.take_snapshot()
    mine2 = snap2.filter_traces([tracemalloc.Filter(True, "*tm_realloc.py", 18)])
    stat = mine2.statistics("lineno")[0]
    print(stat.traceback[0].lineno, stat.count)
    del items
    snap3 = tracemalloc.take_snapshot()
    mine3 = snap3.filter_traces([tracemalloc.Filter(True, "*tm_realloc.py", 11)])
    print(len(mine3.traces))
    tracemalloc.stop()
    return spare, grown


main()
