import sys


class MyStr(str):
    pass


try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.intern(MyStr("x"))
except TypeError as e:
    print("TypeError:", e)
