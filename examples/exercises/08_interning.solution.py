import sys

DEFAULT_PORT = 8080
SMALL_INT_RANGE = (-5, 256)

def is_default_port(port):
    return port == DEFAULT_PORT

def canonical(s):
    return sys.intern(s)

print(is_default_port(int('8080')))
print(canonical(''.join(['heap', 'lab'])) is canonical('heaplab'))
