import sys

x = 1
sizes = []
for i in range(12):
    sizes.append(sys.getsizeof(x))
    x = x * 10**10
print(sizes)
print(sys.getsizeof(10**1000))
print(sys.getsizeof(2**10000))
print(sys.getsizeof(7**500 - 7**500))
