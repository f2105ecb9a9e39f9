import sys

class Item:
    pass

log = []
index = {}

def track(item):
    log.append(item)
    index[id(item)] = item

def untrack(item):
    log.remove(item)
    del index[id(item)]

thing = Item()
print('before', sys.getrefcount(thing))
track(thing)
print('tracked', sys.getrefcount(thing))
untrack(thing)
print('untracked', sys.getrefcount(thing))
