import array, sys, gc
arr = array.array("i", range(1000))
print(sys.getsizeof(arr), arr.itemsize, len(arr), sum(arr), arr[10])
print(sys.getsizeof(array.array("d", [1.0] * 100)), sys.getsizeof(array.array("b")))
print(sys.getsizeof(list(range(1000))) > sys.getsizeof(arr))
for n in [0,1,2,3,4,5,10,16,100,1000]:
    print(n, sys.getsizeof(array.array('b', bytes(n))), sys.getsizeof(array.array('i', range(n))), sys.getsizeof(array.array('h', list(range(n)))), sys.getsizeof(array.array('q', tuple(range(n)))))
a = array.array('i')
s=[]
for i in range(60):
    a.append(i); s.append(sys.getsizeof(a))
print(s)
for i in range(60):
    a.pop(); s.append(sys.getsizeof(a))
print(s[60:])
a = array.array('d', [1.5, 2.5]); a.extend([3.5]); a.fromlist([4.0]); a.frombytes(array.array('d',[9.0]).tobytes())
print(a, a.tolist(), sys.getsizeof(a), a.typecode, a.itemsize, gc.is_tracked(a))
b = array.array('B', b'hello'); print(b, b.tobytes(), list(b), b[1:3], b[::-1], 104 in b, b.count(108), b.index(108))
b.insert(0, 1); b.insert(-1, 2); b.insert(100, 3); b.remove(2); b.reverse(); print(b, b.pop(), b.pop(0), b)
c = b + b; c *= 2; print(c, len(c), sys.getsizeof(c), b * 3, sys.getsizeof(b*3))
print(array.array('i', array.array('i', [5, 6])), array.array('l', (x*x for x in range(5))), array.array('u', 'héllo'))
import weakref; r = weakref.ref(a); print(r() is a, sys.getrefcount(a))
print(sorted(array.array('f', [3, 1, 2])), max(array.array('H', [3, 65535])), array.array('Q', [2**64-1])[0])
x = array.array('i', [1,2,3,4,5,6]); x[1:4] = array.array('i'); print(x); x[::2] = array.array('i', [7,8]); print(x); del x[0]; print(x)
