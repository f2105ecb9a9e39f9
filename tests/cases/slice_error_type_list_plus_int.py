# list + int: only lists concatenate with lists.
items = [1, 2]
items = items + [3]
items = items + 4
