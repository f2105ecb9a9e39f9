# clear_traces() forgets every trace but keeps tracing.
import tracemalloc


class Box:
    pass


def main():
    tracemalloc.start()
    old = Box()
    data = bytearray(300000)
    print(tracemalloc.get_object_traceback(old) is not None)
    print(tracemalloc.get_traced_memory()[0] >= 300000)
    tracemalloc.clear_traces()
    print(tracemalloc.is_tracing())
    print(tracemalloc.get_object_traceback(old))
    print(tracemalloc.get_traced_memory()[0] < 300000)
    new = Box()
    print(tracemalloc.get_object_traceback(new)[0].lineno)
    snap = tracemalloc.take_snapshot()
    mine = snap.filter_traces([tracemalloc.Filter(True, "*tm_clear_traces.py")])
    print(sorted(set(t.traceback[0].lineno for t in mine.traces)))
    del data  # freeing an untraced block changes nothing
    print(tracemalloc.get_traced_memory()[0] < 300000)
    tracemalloc.stop()
    tracemalloc.clear_traces()  # not tracing: nothing to do
    print(tracemalloc.is_tracing())


main()
