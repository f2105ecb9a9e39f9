class R:
    def __del__(self):
        print("del R")


def fail():
    r = R()
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    print("caught", e)
print("after except block")
