import gc


def make():
    def rec(n):
        return n if n <= 0 else rec(n - 1)

    return rec


gc.collect()
f = make()
print(f(3))
del f
print(gc.collect())
