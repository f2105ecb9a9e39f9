# append over-allocates: the size jumps only now and then.
import sys
grown = []
sizes = []
while len(grown) < 40:
    sizes.append(sys.getsizeof(grown))
    grown.append(len(grown))
print(sizes)
print(sys.getsizeof(grown), sys.getsizeof([0] * 40))
