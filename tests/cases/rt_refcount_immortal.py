import sys

print(sys.getrefcount(None))
print(sys.getrefcount(True), sys.getrefcount(False))
print(sys.getrefcount(0), sys.getrefcount(1), sys.getrefcount(256), sys.getrefcount(-5))
print(sys.getrefcount(()))
print(sys.getrefcount(""))
print(sys.getrefcount(...), sys.getrefcount(NotImplemented))
