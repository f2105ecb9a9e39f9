# sys.stdin: readline, iteration, readlines, read, mixed with input().
import sys

first = sys.stdin.readline()
print(repr(first))
name = input('name? ')
print('hello', name)
n = int(sys.stdin.readline())
total = 0
for _ in range(n):
    total += int(sys.stdin.readline().strip())
print('total', total)
for line in sys.stdin:
    print('line', repr(line))
    if line.startswith('stop'):
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(repr(sys.stdin), sys.stdin is sys.__stdin__)
