# pymalloc blocks: sys.getallocatedblocks() counts the memory blocks the
# small-object allocator currently has handed out. Its exact value depends
# on everything the interpreter has set up, so watch how it changes.
import sys

start = sys.getallocatedblocks()

keep = []
i = 0
while i < 1000:
    keep.append([i])    # each small list is one 56-byte object + its item array
    i += 1

grown = sys.getallocatedblocks()
print("blocks added for 1000 small lists:", grown - start)

keep = None             # drop them all
after = sys.getallocatedblocks()
print("blocks still held after dropping them:", after - start)

# Objects bigger than 512 bytes do not come from pymalloc's pools at all.
big = "x" * 100000
print("blocks added for one 100 kB string:", sys.getallocatedblocks() - after)

# The full picture: arenas, pools per size class, free blocks.
sys._debugmallocstats()
