# How print shows lists: repr of every item.
print([])
print([1, -2, 300000000000000000000])
print([None, True, False])
print(['a', 'b c', ''])
print([[], [[]], [1, [2, [3]]]])
print([1, 'one', None, [True]])
