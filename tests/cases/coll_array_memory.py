# Course style: an array packs numbers; a list stores pointers to int objects.
import array, sys
n = 10_000
nums = list(range(n))
packed = array.array('i', nums)
print('list', sys.getsizeof(nums), 'array', sys.getsizeof(packed))
print('list + ints', sys.getsizeof(nums) + sum(sys.getsizeof(x) for x in nums))
for code in 'bhilqd':
    a = array.array(code, [0]) * n
    print(code, a.itemsize, sys.getsizeof(a))
grow = array.array('i')
last = None
steps = []
for i in range(100):
    grow.append(i)
    s = sys.getsizeof(grow)
    if s != last:
        steps.append((len(grow), s))
        last = s
print(steps)
print(sum(packed), max(packed), packed[n // 2], packed.itemsize * len(packed))
