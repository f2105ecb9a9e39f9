# print(file=...), sys.stdout/sys.stderr, sys.modules, sys.exit and SystemExit.
import sys

print('to stdout')
print('to stderr', file=sys.stderr)
print('a', 'b', sep='-', end='!\n', flush=True)
print('x', sep=None, end=None, file=None)
n = sys.stdout.write('written\n')
print(n, sys.stderr.write('err written\n'))
sys.stdout.writelines(['l1\n', 'l2\n'])
sys.stdout.flush()
print(sys.stdout.isatty(), repr(sys.stdout), repr(sys.stderr))
print(sys.stdout is sys.__stdout__, sys.platform, sys.byteorder)


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


c = Collector()
print('one', 2, [3], sep=', ', file=c)
print(file=c)
print(c.parts)
for bad in [dict(sep=1), dict(end=[]), dict(foo=1)]:
    try:
        print('x', **bad)
    except TypeError as e:
        print(e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
print('sys' in sys.modules, sys.modules['sys'] is sys, sys.modules['__main__'].__name__, type(sys.modules).__name__)
import math
print(sys.modules['math'] is math)
try:
    sys.exit(2)
except SystemExit as e:
    print('exit code', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('exit code', e.code)
try:
    raise SystemExit('text', 2)
except SystemExit as e:
    print(e.code)
print('before exit')
sys.exit('fatal: cannot continue')
print('never printed')
