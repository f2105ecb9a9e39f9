# Tracebacks collapse a run of identical entries after three lines.
def depth(n):
    if n == 0:
        raise RecursionError('bottom reached')
    return depth(n - 1)


def ping(n):
    return pong(n)


def pong(n):
    if n == 0:
        raise ValueError('done')
    return ping(n - 1)


try:
    depth(10)
except RecursionError as e:
    print('caught', e)


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print('RecursionError', e)
print(depth.__name__)
depth(7)
