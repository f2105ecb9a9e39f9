import tracemalloc

def handle_request(n):
    payload = {'id': n, 'body': 'x' * 100}
    return len(payload['body']) + n

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
for n in range(500):
    handle_request(n)
print('grew by', tracemalloc.get_traced_memory()[0] - before > 10_000)
tracemalloc.stop()
