# The shell patterns of tracemalloc.Filter come from fnmatch.
import fnmatch

cases = [
    ("prog.py", "*.py"), ("prog.py", "*.pyc"), ("prog.py", "p?og.py"),
    ("prog.py", "p[rs]og.py"), ("prog.py", "p[!r]og.py"), ("prog.py", "p[a-z]og.py"),
    ("/a/b/c.py", "*/c.py"), ("/a/b/c.py", "/a/*"), ("abc", "a*b*c"), ("abc", "a*c*"),
    ("a]c", "a[]]c"), ("a-c", "a[a-]c"), ("a[c", "a[c"), ("", "*"), ("", "?"),
    ("aXbXc", "*X*X*"), ("aaaab", "*a*ab"), ("x", "[!]]"), ("]", "[!]]"),
    ("<frozen x>", "<frozen*"), ("a\\b", "a\\b"), ("ABC", "abc"),
]
for name, pattern in cases:
    print(repr(name), repr(pattern), fnmatch.fnmatch(name, pattern), fnmatch.fnmatchcase(name, pattern))
print(fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"))
