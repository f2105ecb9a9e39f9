import sys

SMALL_REQUEST_THRESHOLD = 512
ALIGNMENT = 16
POOL_SIZE = 16 * 1024
ARENA_SIZE = 1024 * 1024

def size_class(nbytes):
    if nbytes > SMALL_REQUEST_THRESHOLD:
        return None
    return (nbytes + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT

# A float is a 24-byte request: which size class does it land in?
print(sys.getsizeof(1.0), size_class(sys.getsizeof(1.0)))
