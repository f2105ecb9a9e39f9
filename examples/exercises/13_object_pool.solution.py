class BufferPool:
    def __init__(self, size, max_idle):
        self.size = size
        self.max_idle = max_idle
        self._idle = []

    def acquire(self):
        if self._idle:
            return self._idle.pop()
        return bytearray(self.size)

    def release(self, buffer):
        if len(self._idle) < self.max_idle:
            self._idle.append(buffer)

    def idle(self):
        return len(self._idle)

pool = BufferPool(4096, 4)
first = pool.acquire()
pool.release(first)
print(pool.acquire() is first)
