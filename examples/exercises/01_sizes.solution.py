import sys

predicted = {
    'int 0': 28,
    'int 2**30': 32,
    'float': 24,
    "str ''": 41,
    "str 'abc'": 44,
    'empty tuple': 40,
    'empty list': 56,
}

actual = {
    'int 0': sys.getsizeof(0),
    'int 2**30': sys.getsizeof(2**30),
    'float': sys.getsizeof(1.0),
    "str ''": sys.getsizeof(''),
    "str 'abc'": sys.getsizeof('abc'),
    'empty tuple': sys.getsizeof(()),
    'empty list': sys.getsizeof([]),
}
for name in predicted:
    print(f'{name:12} predicted {predicted[name]}, actual {actual[name]}')
