# time.sleep refuses a duration that does not fit in int64 nanoseconds, as
# CPython does: inf used to sleep forever, or overflow the conversion to the
# host's sleep inside a call from C++ (seen while writing run_fuzzer).
import time

for secs in [1e300, float("inf"), float("-inf"), -1e300, 9223372036.9, 2**63, 10**30, -10**30, 9223372037]:
    try:
        time.sleep(secs)
    except OverflowError as e:
        print(repr(secs), "OverflowError:", e)

for secs in [-1, -0.5]:
    try:
        time.sleep(secs)
    except ValueError as e:
        print(secs, "ValueError:", e)

try:
    time.sleep(float("nan"))
except ValueError as e:
    print("nan ValueError:", e)

time.sleep(0)
time.sleep(0.0)
time.sleep(False)
print(sorted([3, 1, 2], key=lambda x: time.sleep(0) or x))
print("still running")
