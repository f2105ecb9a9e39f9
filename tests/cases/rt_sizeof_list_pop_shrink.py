import sys

lst = list(range(100))
last = sys.getsizeof(lst)
print(len(lst), last)
while lst:
    lst.pop()
    s = sys.getsizeof(lst)
    if s != last:
        print(len(lst), s)
        last = s
