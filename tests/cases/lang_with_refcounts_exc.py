# Reference counts inside __exit__ on both paths: the context manager, the
# exception (held by the handler, sys.exception() and the call) and the traceback.
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit self", sys.getrefcount(self), "exc", sys.getrefcount(v) if v else None, "tb", sys.getrefcount(tb) if tb else None)
        return True
cm = CM()
with cm:
    raise ValueError("x")
with cm:
    pass
def f():
    with CM() as c:
        print("inside f", sys.getrefcount(c))
        raise KeyError
f()
def gen_cm():
    with cm:
        yield sys.getrefcount(cm)
print(list(gen_cm()))
try:
    raise ValueError("y")
except ValueError as e:
    print("except", sys.getrefcount(e))
    with cm:
        print("nested", sys.getrefcount(e))
        raise e
