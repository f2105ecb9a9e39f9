# References held by a with block: the bound __exit__ on the stack and the
# value __enter__ returned, as in CPython 3.12.
import sys


class CM:
    def __enter__(self):
        print("in enter", sys.getrefcount(self))
        return self

    def __exit__(self, *exc):
        print("in exit", sys.getrefcount(self))


cm = CM()
print("before", sys.getrefcount(cm))
with cm as same:
    print("inside", sys.getrefcount(cm), same is cm)
print("after", sys.getrefcount(cm))
del same
print("deleted", sys.getrefcount(cm))


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return [self.name]

    def __exit__(self, *exc):
        return None

    def __del__(self):
        print("del", self.name)


with Resource("temp") as value:
    print("body", value)
print("after with", value)


def inside():
    with Resource("in function"):
        print("working")
    print("function continues")


inside()
print("done")
