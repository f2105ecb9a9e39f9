import time

start = time.perf_counter()
time.sleep(0.05)
elapsed = time.perf_counter() - start
print("slept at least 0.05 s:", elapsed >= 0.05, elapsed < 2)
time.sleep(0)
time.sleep(1e-3)
time.sleep(False)
for bad in ["1", -1, -0.5, None]:
    try:
        time.sleep(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


def nap(n):
    time.sleep(0.01)
    return n


print([nap(i) for i in range(3)])


def gen():
    for i in range(2):
        time.sleep(0.01)
        yield i


print(list(gen()))
t0 = time.monotonic()
ns0 = time.perf_counter_ns()
time.sleep(0.02)
print(time.monotonic() - t0 >= 0.02, time.perf_counter_ns() - ns0 >= 20_000_000)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.process_time()).__name__)
print(time.time() > 1.7e9, time.time_ns() > 1_700_000_000 * 10**9)
print(type(time.monotonic_ns()).__name__, type(time.perf_counter()).__name__)
