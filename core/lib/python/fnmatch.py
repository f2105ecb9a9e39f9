"""Shell-style wildcards: '*' (anything), '?' (one character), '[seq]' and
'[!seq]' (one character in, or not in, seq; ranges like a-z allowed).

heaplab's own implementation of what CPython's Lib/fnmatch.py provides. It
matches directly instead of translating the pattern to a regular expression:
every pattern item but '*' consumes exactly one character, so going back to
the last '*' is enough when an item fails. File names compare as they are,
as os.path.normcase leaves them on POSIX.
"""


def _class_end(pat, i):
    # The index just past the ']' closing the set that starts at pat[i]
    # (just after '['), or -1 when the '[' is a plain character.
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    if j >= n:
        return -1
    return j + 1


def _in_class(pat, start, end, c):
    # Whether c is in the set pat[start:end] (the text between the brackets).
    negate = pat[start] == '!' and end - start > 1
    if negate:
        start += 1
    found = False
    i = start
    while i < end:
        first = pat[i]
        if first == '\\' and i + 1 < end:
            i += 1
            first = pat[i]
        if i + 2 < end and pat[i + 1] == '-':
            last = pat[i + 2]
            if first <= c <= last:
                found = True
            i += 3
        else:
            if c == first:
                found = True
            i += 1
    return found != negate


def fnmatchcase(name, pat):
    """Test whether name matches pat, case included."""
    n = len(name)
    m = len(pat)
    i = 0
    j = 0
    star = -1      # the index in pat of the last '*' seen
    resume = 0     # where in name that '*' now stops
    while i < n:
        if j < m:
            c = pat[j]
            if c == '*':
                star = j
                resume = i
                j += 1
                continue
            if c == '?':
                i += 1
                j += 1
                continue
            if c == '[':
                end = _class_end(pat, j + 1)
                if end >= 0:
                    if _in_class(pat, j + 1, end - 1, name[i]):
                        i += 1
                        j = end
                        continue
                elif name[i] == '[':
                    i += 1
                    j += 1
                    continue
            elif c == name[i]:
                i += 1
                j += 1
                continue
        if star < 0:
            return False
        resume += 1
        i = resume
        j = star + 1
    while j < m and pat[j] == '*':
        j += 1
    return j == m


def fnmatch(name, pat):
    """Test whether name matches pat (names compare as POSIX compares them)."""
    return fnmatchcase(name, pat)


def filter(names, pat):
    """The names of the iterable names that match pat."""
    return [name for name in names if fnmatchcase(name, pat)]
