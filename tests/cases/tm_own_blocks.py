# tracemalloc's own blocks (the snapshot's list, its Python objects) carry
# tracemalloc's file name; Filter(False, tracemalloc.__file__) leaves them out.
import tracemalloc

tracemalloc.start(5)
first = tracemalloc.take_snapshot()
stats = first.statistics("lineno")
second = tracemalloc.take_snapshot()
own = second.filter_traces([tracemalloc.Filter(True, tracemalloc.__file__, all_frames=True)])
print(len(own.traces) >= 1)
others = second.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__, all_frames=True)])
print(len(others.traces) + len(own.traces) == len(second.traces))
print(all(not f.filename.endswith("tracemalloc.py") and "tracemalloc>" not in f.filename
          for t in others.traces for f in t.traceback))
tracemalloc.stop()
