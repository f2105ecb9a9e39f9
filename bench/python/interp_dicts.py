# Dictionaries: counting words with get and `in`, string and int keys,
# iteration over items, deletion and membership tests.
import time

words = ("the quick brown fox jumps over the lazy dog and then the fox "
         "runs far away from the dog while the cat watches").split()
start = time.perf_counter()
total = 0
for round_ in range(3200):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    squares = {}
    for i in range(300):
        squares[i] = i * i
    for i in range(0, 300, 3):
        del squares[i]
    hits = 0
    for i in range(300):
        if i in squares:
            hits += squares[i] & 255
    for key, value in counts.items():
        total += value + len(key)
    total += hits + len(squares)
elapsed = time.perf_counter() - start
print("checksum", total)
print("seconds", elapsed)
