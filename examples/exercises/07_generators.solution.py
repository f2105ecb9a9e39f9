import tracemalloc

def sum_of_squares(n):
    return sum(i * i for i in range(n))

tracemalloc.start()
print(sum_of_squares(100_000))
print('peak', tracemalloc.get_traced_memory()[1])
tracemalloc.stop()
