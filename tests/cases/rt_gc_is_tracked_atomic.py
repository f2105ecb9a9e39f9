import gc

print(gc.is_tracked(0), gc.is_tracked(10**30), gc.is_tracked(1.5))
print(gc.is_tracked("text"), gc.is_tracked(b"bytes"), gc.is_tracked(None))
print(gc.is_tracked(True), gc.is_tracked(range(3)))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(bytearray()))
