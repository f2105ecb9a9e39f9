# SyntaxError from eval/exec: str() with (file, line N), its location
# attributes, and the uncaught form with the offending line and carets.
for src in ['1 +']:
    try:
        eval(src)
    except SyntaxError as e:
        print(e, e.lineno, e.filename)
for src in ['a=1', '(1, 2', 'x = = 2', '1 2', 'print("a)']:
    try:
        eval(src)
    except SyntaxError as e:
        print(repr(src), '|', e, '|', e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.args[0])
try:
    exec('for x in range(3):\nprint(x)')
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno)
e = SyntaxError('custom')
print(e, e.msg, e.lineno, e.filename)
print('calculator')
eval('2 * (3 +')
