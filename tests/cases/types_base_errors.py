# Types that cannot be subclassed, and bad class statements.
for base in (bool, range, slice, type(None), type(NotImplemented), type(len), type(lambda: 0)):
    try:
        class X(base):
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    class Z(int, int):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class W(list, object, list):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class V(object, dict):
        pass
except TypeError as e:
    print("TypeError:", e)


class Fine(int):
    pass


try:
    class Deeper(Fine, str):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Fine.__mro__, Fine.__base__, Fine.__bases__)
