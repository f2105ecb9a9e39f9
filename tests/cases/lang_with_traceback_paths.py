# Where tracebacks point when __enter__ or __exit__ fails: the exit call on
# the return, break and normal paths is the with statement's (line of the
# statement), several items, and an exit failing while another exception is handled.
class Boom:
    def __init__(self, when):
        self.when = when
    def __enter__(self):
        if self.when == "enter":
            raise RuntimeError("enter")
        return self
    def __exit__(self, *exc):
        if self.when == "exit":
            raise RuntimeError("exit with %s" % (exc[0].__name__ if exc[0] else None))
def ret():
    with Boom("exit"):
        return 1
def brk():
    for i in range(3):
        with Boom("exit"):
            break
def multi():
    with Boom("ok") as a, \
         Boom("exit") as b:
        x = 1
def enter():
    with Boom("ok"), Boom("enter"):
        pass
def in_body():
    with Boom("exit"):
        [][1]
for fn in (ret, brk, multi, enter, in_body):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
        tb = e.__traceback__
        while tb:
            print("   line", tb.tb_lineno)
            tb = tb.tb_next
        if e.__context__:
            print("   context", repr(e.__context__))
in_body()
