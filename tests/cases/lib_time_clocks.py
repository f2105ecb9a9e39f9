import time

a = time.monotonic()
b = time.monotonic()
print(b >= a, type(a).__name__)
p1 = time.perf_counter_ns()
total = 0
for i in range(10000):
    total += i
p2 = time.perf_counter_ns()
print(p2 > p1, type(p1).__name__, total)
t = time.time()
tn = time.time_ns()
print(abs(tn / 1e9 - t) < 5, t > 1_600_000_000)
c1 = time.process_time()
x = [i * i for i in range(20000)]
c2 = time.process_time()
print(c2 >= c1 >= 0)
m1 = time.monotonic_ns()
time.sleep(0.001)
print(time.monotonic_ns() > m1)
for name in ["perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time", "time_ns", "process_time", "sleep"]:
    print(name, callable(getattr(time, name)))
try:
    time.perf_counter(1)
except TypeError as e:
    print("TypeError:", e)
