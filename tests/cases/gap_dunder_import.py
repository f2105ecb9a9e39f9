m = __import__("math")
print(m.sqrt(16.0), m is __import__("math"))
c = __import__("collections", globals(), locals(), ["deque"], 0)
print(c.deque([1, 2]))
try:
    __import__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("no_such_module_here")
except ModuleNotFoundError as e:
    print(type(e).__name__, e.name)
import sys
print(__import__("sys") is sys, callable(__import__))
