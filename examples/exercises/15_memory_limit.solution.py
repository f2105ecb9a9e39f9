def line(i):
    return f'line {i}'

def total_length(n):
    return sum(len(line(i)) for i in range(n))

def try_allocate(n):
    try:
        return [0] * n
    except MemoryError:
        return None

print(total_length(1000))
