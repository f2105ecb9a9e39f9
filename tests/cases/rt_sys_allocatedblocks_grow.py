import sys

before = sys.getallocatedblocks()
keep = [[i] for i in range(1000)]
after = sys.getallocatedblocks()
print(after - before >= 1000)
del keep
final = sys.getallocatedblocks()
print(final < after, after - final >= 1000)
