import gc
import weakref

closed = []

class Connection:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        closed.append(self.name)

conn = Connection('db')
del conn
print(len(closed))
