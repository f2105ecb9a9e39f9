# An error inside a loop body: the traceback names the body's line.
n = 3
while True:
    print(12 // n)
    n -= 1
