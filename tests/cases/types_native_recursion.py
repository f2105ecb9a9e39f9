# Reprs and comparisons nested past the C recursion limit raise RecursionError.
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print(e)
d = {}
for i in range(100000):
    d = {1: d}
try:
    print(str(d))
except RecursionError as e:
    print(e)
c = []
for i in range(100000):
    c = [c]
try:
    print(len(repr(c)))
except RecursionError as e:
    print("RecursionError", e)
