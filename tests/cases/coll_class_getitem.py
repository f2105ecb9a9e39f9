import array, itertools, collections
for t in [array.array, itertools.chain, itertools.count, collections.OrderedDict, collections.defaultdict, collections.deque, collections.Counter]:
    try: print(t[int])
    except TypeError as e: print(e)
print(collections.deque[int]([1, 2]), array.array[int]('i', [3]))
