# Exceptions that call into BaseException through super().
class AppError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.code, super().__str__())


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(what + " not found", code=404)
        self.what = what


try:
    raise NotFound("page")
except AppError as e:
    print(e, repr(e), e.args, e.code, e.what, type(e).__name__)


class Quiet(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b


q = Quiet(1, 2)
print(q.args, q.a, str(q), repr(q))


class Rewritten(ValueError):
    def __init__(self, *args):
        super().__init__("rewritten", *args)


print(Rewritten(1).args, Rewritten().args)
print(Exception.__init__, ValueError.__str__, BaseException.__repr__, type(Exception.__new__).__name__)
e = Exception("a", "b")
Exception.__init__(e, "c")
print(e.args, str(e))
e.__init__()
print(e.args, repr(e))
for f in [lambda: Exception(x=1), lambda: Exception.__init__(5), lambda: AppError()]:
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)


class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.marker = "new"
        return self


w = WithNew("x")
print(w.marker, w.args)
