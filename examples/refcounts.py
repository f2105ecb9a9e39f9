# Reference counts with sys.getrefcount.
#
# getrefcount(x) reports one more than you might expect: the argument
# passed to getrefcount is itself a reference while the call runs.
import sys

a = [1, 2, 3]
print("one name:", sys.getrefcount(a))      # the name 'a' + the argument

b = a
print("two names:", sys.getrefcount(a))     # 'a', 'b', the argument

box = [a, a, a]
print("in a list 3 times:", sys.getrefcount(a))

box.pop()
print("popped once:", sys.getrefcount(a))

del b
box = None
print("back to one name:", sys.getrefcount(a))

# A list can hold a reference to itself. That reference cycle would keep
# the list alive after its last name is gone (only the cyclic garbage
# collector could free it), so break it again by hand.
a.append(a)
print("after a.append(a):", sys.getrefcount(a))
a.pop()
print("after a.pop():", sys.getrefcount(a))

# Immortal objects (PEP 683, new in 3.12): None, True, False, the small
# ints and some strings are never freed, and report a fixed huge count.
print("None:", sys.getrefcount(None))
print("True:", sys.getrefcount(True))
print("7:", sys.getrefcount(7))
