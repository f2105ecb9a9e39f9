import sys

s = "abc\u20acdef"
print(sys.getsizeof(s))
left = s[:3]
right = s[4:]
mid = s[2:5]
print(left, sys.getsizeof(left))
print(right, sys.getsizeof(right))
print(len(mid), sys.getsizeof(mid))
print(sys.getsizeof(s[3]), sys.getsizeof(s[0]))
big = "\U0001f600" + "abc"
print(sys.getsizeof(big[1:]), sys.getsizeof(big[:1]))
