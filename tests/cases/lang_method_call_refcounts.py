# Method calls as CPython 3.12 makes them: no bound method for obj.m() on a
# class instance (unless __getattr__ or the instance dict says otherwise), and
# a bound method called later is unpacked into function and self by CALL.
import sys
class A:
    def m(self):
        return sys.getrefcount(self)
a = A()
print(a.m())
m = a.m
print(m())
print(A.m(a))
f = [a.m][0]
print(f())
print((lambda: a.m)()())
class Node:
    def __init__(self, n):
        self.n = n
    def depth(self):
        return 1 if self.n == 0 else 1 + Node(self.n - 1).depth()
    def __getattr__(self, name):
        return "dyn " + name
    def show(self):
        return sys.getrefcount(self)
print(Node(500).depth())
try:
    Node(5000).depth()
except RecursionError as e:
    print("RecursionError", e)
n = Node(1)
print(n.missing, n.show())
class Shadow:
    def m(self):
        return "class"
s = Shadow()
s.m = lambda: "instance"
print(s.m())
class Slots:
    __slots__ = ("x",)
    def get(self):
        return sys.getrefcount(self)
print(Slots().get())
m = n.show
print(m(), m.__self__ is n)
