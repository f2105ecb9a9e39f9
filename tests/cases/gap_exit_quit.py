# exit()/quit() raise SystemExit; str() checks its codec arguments' types.
for f in (lambda: str(1, 2), lambda: str(b'a', 'utf-8', 5), lambda: str('a', 'utf-8')):
    try:
        print(f())
    except TypeError as e:
        print(e)
try:
    exit(3)
except SystemExit as e:
    print('exit', e.code, e.args)
try:
    quit()
except SystemExit as e:
    print('quit', e.code, e.args)
print('bye')
exit('done here')
