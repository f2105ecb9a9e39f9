# The gc module's argument errors.
import gc
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect("a")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(gc.collect(generation=0))
try:
    gc.collect(gen=1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects("x")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.is_tracked()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.get_count(1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_debug("x")
except TypeError as e:
    print("TypeError:", e)
print(type(gc.get_objects()), type(gc.get_objects(None)), type(gc.get_objects(generation=2)))
