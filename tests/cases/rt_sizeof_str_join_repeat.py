import sys

parts = ["ab", "cd", "ef"]
print(sys.getsizeof("".join(parts)), sys.getsizeof("-".join(parts)))
print(sys.getsizeof(", ".join(["\xe9"] * 5)))
print(sys.getsizeof("ab" * 50))
print(sys.getsizeof("\u20ac" * 10), sys.getsizeof("\U0001f600" * 10))
print(sys.getsizeof(str(12345)), sys.getsizeof(str(-7)))
print(sys.getsizeof("HeLLo".upper()), sys.getsizeof("HeLLo".lower()))
