import sys

predicted = {
    80: (0, 0),
    500: (400, 0),
}

def float_experiment(count):
    # Returns the blocks allocated while `count` new floats are alive, and
    # after they are dropped, relative to before (after a warm-up that fills
    # the float free list).
    values = [None] * count
    x = 0.5
    warm = [x * k for k in range(200)]
    del warm
    before = sys.getallocatedblocks()
    i = 0
    while i < count:
        x = x + 1.0
        values[i] = x
        i += 1
    x = None
    alive = sys.getallocatedblocks() - before
    values = None
    dropped = sys.getallocatedblocks() - before
    return alive, dropped

for count in (80, 500):
    print(count, predicted[count], float_experiment(count))
