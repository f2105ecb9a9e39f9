# stop() drops every trace; a new start() begins from nothing.
import tracemalloc


def main():
    tracemalloc.start()
    first = bytearray(100000)
    print(tracemalloc.get_object_traceback(first) is not None)
    tracemalloc.stop()
    print(tracemalloc.get_object_traceback(first))
    print(tracemalloc.get_traced_memory())
    untraced = bytearray(50000)
    tracemalloc.start()
    print(tracemalloc.get_object_traceback(first))
    print(tracemalloc.get_object_traceback(untraced))
    second = bytearray(70000)
    print(tracemalloc.get_object_traceback(second)[0].lineno)
    current, peak = tracemalloc.get_traced_memory()
    print(70000 <= current < 100000, peak >= current)
    snap = tracemalloc.take_snapshot()
    mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_stop_start.py")])
    print([s.traceback[0].lineno for s in mine.statistics("lineno")])
    del first, untraced
    print(tracemalloc.get_traced_memory()[0] == current)
    tracemalloc.stop()
    tracemalloc.stop()
    print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())


main()
