import sys

before = sys.getallocatedblocks()
words = [str(i) * 3 for i in range(500)]
mid = sys.getallocatedblocks()
print(mid - before >= 500)
big = ["x" * 1000 for i in range(10)]
after = sys.getallocatedblocks()
print(after - mid < 100)
