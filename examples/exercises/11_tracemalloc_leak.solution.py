import tracemalloc

def handle_request(n):
    payload = {'id': n, 'body': 'x' * 100}
    return len(payload['body']) + n

tracemalloc.start()
before = tracemalloc.take_snapshot()
for n in range(500):
    handle_request(n)
after = tracemalloc.take_snapshot()
top = after.compare_to(before, 'lineno')[0]
print('most growth at line', top.traceback[0].lineno, 'more than 10 KB:', top.size_diff > 10_000)
tracemalloc.stop()
