# pop gives memory back once a list is less than half full.
import sys
items = []
while len(items) < 30:
    items.append(None)
sizes = []
while len(items) > 0:
    sizes.append(sys.getsizeof(items))
    items.pop()
print(sizes)
print(sys.getsizeof(items))
