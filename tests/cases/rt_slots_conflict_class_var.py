try:

    class P:
        __slots__ = ("x",)
        x = 1

except ValueError as e:
    print("ValueError:", e)
print("done")
