# Comprehensions and sorting: list and dict comprehensions, sorted with
# and without a key, min/max/sum over generated data.
import time

start = time.perf_counter()
total = 0
for round_ in range(90):
    data = [(i * 7919) % 10007 for i in range(5000)]
    squares = [x * x for x in data if x % 3]
    index = {x: i for i, x in enumerate(data)}
    ordered = sorted(data)
    by_last_digit = sorted(data, key=lambda x: (x % 10, x))
    pairs = [(x, y) for x in range(40) for y in range(x)]
    total += len(squares) + len(index) + ordered[100] + by_last_digit[100] + len(pairs)
    total += sum(squares) % 1000 + max(data) - min(data)
    words = sorted(str(x) for x in data[:2000])
    total += len(words[0])
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
