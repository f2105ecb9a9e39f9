# Loops over int arithmetic: a sieve-free prime count by trial division,
# a collatz walk, and an accumulating for loop over range.
import time

start = time.perf_counter()
primes = 0
n = 2
while n < 20000:
    d = 2
    prime = True
    while d * d <= n:
        if n % d == 0:
            prime = False
            break
        d += 1
    if prime:
        primes += 1
    n += 1
steps = 0
for seed in range(1, 10000):
    x = seed
    while x != 1:
        if x & 1:
            x = 3 * x + 1
        else:
            x = x >> 1
        steps += 1
acc = 0
for i in range(800000):
    acc = (acc + i * 7 - (i // 3)) % 1000003
elapsed = time.perf_counter() - start
print("checksum", primes, steps, acc)
print("seconds", elapsed)
