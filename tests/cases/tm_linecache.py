# linecache.getline, which Traceback.format() uses to show source lines.
import linecache
import tracemalloc

name = tracemalloc.take_snapshot.__name__
me = "tm_linecache.py"
print(repr(linecache.getline(me, 1)))
print(repr(linecache.getline(me, 3)))
print(repr(linecache.getline(me, 10000)))
print(repr(linecache.getline(me, 0)))
print(repr(linecache.getline(me, -2)))
print(repr(linecache.getline("no_such_file.py", 1)))
print(repr(linecache.getline(me, 2, None)))
print(repr(linecache.getline(me, 4)))
print(name)
lines = linecache.getlines(me)
print(len(lines), lines[0] == linecache.getline(me, 1), lines[-1])
print(linecache.getlines("no_such_file.py"))
