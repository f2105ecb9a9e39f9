# tracemalloc's switches: start/stop, the traceback limit, and its errors.
import tracemalloc

print(tracemalloc.is_tracing())
print(tracemalloc.get_traceback_limit())
print(tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
print(tracemalloc.get_object_traceback([]))

for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.start("3")
except TypeError as e:
    print("TypeError:", e)
try:
    tracemalloc.start(nframe=3)
except TypeError as e:
    print("TypeError:", e)
try:
    tracemalloc.start(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    tracemalloc.is_tracing(1)
except TypeError as e:
    print("TypeError:", e)
print(tracemalloc.is_tracing())

tracemalloc.start(7)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(3)  # already tracing: the limit stays
print(tracemalloc.get_traceback_limit())
current, peak = tracemalloc.get_traced_memory()
print(type(current).__name__, current >= 0, peak >= current)
print(isinstance(tracemalloc.get_tracemalloc_memory(), int), tracemalloc.get_tracemalloc_memory() > 0)
snapshot = tracemalloc.take_snapshot()
print(type(snapshot).__name__, snapshot.traceback_limit)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
