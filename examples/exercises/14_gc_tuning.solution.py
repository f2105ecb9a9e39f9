import gc

def load_records():
    gc.disable()
    try:
        return [{'id': i, 'tags': [i]} for i in range(20_000)]
    finally:
        gc.enable()

def collections():
    return sum(stats['collections'] for stats in gc.get_stats())

before = collections()
records = load_records()
print(len(records), collections() - before > 1)
