import sys

samples = ["", "a", "ab", "abc", "\xe9", "a\xe9", "\u20ac", "a\u20ac", "\U0001f600", "a\U0001f600"]
for s in samples:
    print(len(s), max([ord(c) for c in s] or [0]), sys.getsizeof(s))
