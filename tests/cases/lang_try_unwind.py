# return/break/continue through finally and with blocks, and the sizes of
# generators whose frames hold such blocks (co_stacksize as CPython).
import sys
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return True
def g1():
    with CM():
        yield 1
def g2():
    for i in range(3):
        with CM() as a, CM() as b:
            try:
                yield i
            finally:
                return 5
def g3():
    try:
        yield 1
    except ValueError as e:
        yield 2
    finally:
        pass
def g4(x):
    for a in x:
        for b in a:
            try:
                with CM():
                    return [a, b, (yield)]
            except KeyError:
                continue
for g in (g1(), g2(), g3(), g4([])):
    print(sys.getsizeof(g))
def f():
    try:
        return 1
    finally:
        print("fin")
        try:
            raise KeyError
        except KeyError:
            print("inner")
print(f())
def h():
    for i in range(3):
        try:
            continue
        finally:
            print("fin", i)
            if i == 1:
                break
    return i
print(h())
def k():
    try:
        raise ValueError("a")
    finally:
        return "override"
print(k())
def m():
    try:
        try:
            return "x"
        finally:
            raise KeyError("from finally")
    except KeyError as e:
        return "caught " + str(e)
print(m())
