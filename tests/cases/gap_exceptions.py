# The standard exception hierarchy, OSError and UnicodeError fields, keyword
# attributes, add_note / __notes__, with_traceback.
names = ['OSError', 'FileNotFoundError', 'PermissionError', 'IOError', 'EnvironmentError', 'EOFError',
         'ConnectionError', 'BrokenPipeError', 'TimeoutError', 'BufferError', 'FloatingPointError',
         'StopAsyncIteration', 'Warning', 'UserWarning', 'DeprecationWarning', 'RuntimeWarning',
         'UnicodeEncodeError', 'UnicodeDecodeError', 'UnicodeTranslateError', 'IsADirectoryError',
         'FileExistsError', 'ConnectionResetError', 'ResourceWarning', 'ProcessLookupError']
for name in names:
    print(name, [c.__name__ for c in eval(name).__mro__])
for args in [(), ('msg',), (2, 'No such file'), (2, 'No such file', 'a.txt'), (13, 'Denied', 'x', None, 'y'),
             (1, 2, 3, 4, 5, 6), (999, 'odd'), ('2', 'x')]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename, e.filename2)
try:
    raise FileNotFoundError(2, 'No such file or directory', 'data.csv')
except OSError as e:
    print('caught', type(e).__name__, e, e.errno)
for err in (2, 13, 17, 21, 32, 110, 111, 104):
    print(err, type(OSError(err, 'x')).__name__)
e = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(e, repr(e), e.encoding, e.object, e.start, e.end, e.reason)
print(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'bad'))
e = UnicodeEncodeError('ascii', 'h\xe9llo\u20ac', 1, 2, 'ordinal not in range(128)')
print(e, e.start, e.object)
print(UnicodeEncodeError('ascii', '\u20ac\U0001f600', 0, 1, 'r'), UnicodeEncodeError('ascii', 'ab\U0001f600', 2, 3, 'r'))
print(UnicodeEncodeError('ascii', 'abc', 0, 3, 'many'))
print(UnicodeError('plain'), UnicodeDecodeError.__mro__[1].__name__)
e = NameError('n', name='q')
print(e.name, e.args)
e = AttributeError('a', name='b', obj=[1])
print(e.name, e.obj)
e = ImportError('m', name='x', path='/p')
print(e.name, e.path, e, e.msg, ImportError().msg)
print(NameError('z').name, AttributeError('z').obj)
for make in (lambda: ValueError('v', x=1), lambda: NameError('v', x=1)):
    try:
        make()
    except TypeError as err:
        print(err)
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
e = Exception('a')
e.add_note('note one')
e.add_note('note two')
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print(err)
print(e.with_traceback(None) is e, hasattr(ValueError('x'), '__notes__'))
class AppError(Exception):
    pass
try:
    try:
        raise AppError('low level')
    except AppError as inner:
        inner.add_note('while loading config')
        raise
except AppError as outer:
    print(outer.__notes__)
err = KeyError("missing")
err.add_note("hint: check the key")
raise err
