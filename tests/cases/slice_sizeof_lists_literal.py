# Lists written as displays get exactly the room their items need.
import sys
print(sys.getsizeof([]))
print(sys.getsizeof([1]), sys.getsizeof([1, 2]))
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof([[1, 2, 3]]))
print(sys.getsizeof(['a much longer string than the others']))
print(sys.getsizeof([0] * 10))
