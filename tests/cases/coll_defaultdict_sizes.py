# defaultdict is a 56-byte dict subtype: every size is a dict's plus 8.
import sys
from collections import defaultdict
dd = defaultdict(int)
d = {}
for i in range(40):
    dd[i]
    d[i] = 0
    if i in (0, 4, 5, 10, 11, 21, 22, 39):
        print(i, sys.getsizeof(dd), sys.getsizeof(d), sys.getsizeof(dd) - sys.getsizeof(d))
words = defaultdict(list)
for w in 'the quick brown fox jumps over the lazy dog'.split():
    words[len(w)].append(w)
print(sorted(words.items()), sys.getsizeof(words))
s = defaultdict(str, {'a': 'x'})
print(sys.getsizeof(s), sys.getsizeof(defaultdict(None, a=1, b=2)), sys.getsizeof(dict(a=1, b=2)))
print(s.__sizeof__(), type(s).__basicsize__ if hasattr(type(s), '__basicsize__') else 56)
