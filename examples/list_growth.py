# How a list grows: watch sys.getsizeof jump as items are appended.
#
# A list object is a fixed 56-byte header plus an array of 8-byte slots.
# append() does not grow that array one slot at a time: when it is full,
# CPython 3.12 makes room for about 1/8 more plus a little (the
# "over-allocation" in Objects/listobject.c: new = n + n//8 + 6, rounded
# down to a multiple of 4), so most appends are cheap and only a few
# have to move the array.
import sys

items = []
print("empty list:", sys.getsizeof(items), "bytes")

last = sys.getsizeof(items)
n = 0
while n < 100:
    items.append(n)
    n += 1
    size = sys.getsizeof(items)
    if size != last:
        # (size - 56) // 8 is the number of slots now reserved
        print("len", len(items), "->", size, "bytes,", (size - 56) // 8, "slots")
        last = size

# A list written as a display is sized exactly: no spare slots.
print("[1, 2, 3]:", sys.getsizeof([1, 2, 3]), "bytes")

# pop() gives memory back only when the list falls below half its room.
while len(items) > 10:
    items.pop()
print("after popping down to 10:", sys.getsizeof(items), "bytes")
