import sys

lst = []
last = sys.getsizeof(lst)
print(0, last)
for i in range(200):
    lst.append(i)
    s = sys.getsizeof(lst)
    if s != last:
        print(len(lst), s)
        last = s
