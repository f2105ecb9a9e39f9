import sys

# literal constants: the code object's co_consts, the name, the argument,
# and the parsed source tree that lives while the script runs
big = 123456789
print(sys.getrefcount(big))
again = 123456789
print(sys.getrefcount(big), big is again)
f = 2.5
print(sys.getrefcount(f))
s = "not an identifier!"
print(sys.getrefcount(s))
