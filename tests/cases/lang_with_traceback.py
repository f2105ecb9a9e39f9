# The traceback of an exception raised inside a with block, and of one
# raised by __exit__ on the normal path.


class Exits:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            raise RuntimeError("close failed")
        return False


def body_fails():
    with Exits():
        x = 1
        raise ValueError("in body")


try:
    body_fails()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_lineno)
        tb = tb.tb_next

with Exits() as cm:
    print("leaving")
