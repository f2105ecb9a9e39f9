# input() at the end of input: EOFError, as `python prog.py < /dev/null`.
print("start")
x = input("q")
