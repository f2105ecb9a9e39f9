# A class statement that fails after its class object was made (here on its
# MRO) raises its TypeError even when other classes exist, with tracing on.
import tracemalloc


class Existing:
    pass


tracemalloc.start()
try:
    class Bad(object, dict):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Worse(object, list):
        pass
except TypeError as e:
    print("TypeError:", e)
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
print(Existing.__name__, len(snap.traces) > 0)
